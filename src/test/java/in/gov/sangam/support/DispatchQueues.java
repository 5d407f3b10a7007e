package in.gov.sangam.support;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jms.core.JmsTemplate;

/** Looks into the broker's queues without taking anything off them. */
public final class DispatchQueues {

    private final JmsTemplate jms;

    public DispatchQueues(JmsTemplate jms) {
        this.jms = jms;
    }

    /** The messages on {@code queue} about {@code applicationId}. */
    public List<Message> messagesFor(String queue, String applicationId) {
        List<Message> found = jms.browseSelected(queue, "SangamApplicationId = '" + applicationId + "'",
                (session, browser) -> {
                    List<Message> messages = new ArrayList<>();
                    for (Object message : Collections.list(browser.getEnumeration())) {
                        messages.add((Message) message);
                    }
                    return messages;
                });
        return found == null ? List.of() : found;
    }

    public static String text(Message message) {
        try {
            return ((jakarta.jms.TextMessage) message).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
