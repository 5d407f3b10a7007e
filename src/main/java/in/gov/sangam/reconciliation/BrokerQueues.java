package in.gov.sangam.reconciliation;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * What the broker holds on a queue, in every state a message can be in: waiting to be delivered, held back for a
 * redelivery after a failed attempt, or delivered to a consumer (being handled, or fetched ahead into its buffer)
 * and not yet acknowledged.
 *
 * <p>A queue browser (JMS {@code QueueBrowser}, or the management operations {@code browse}, {@code listMessages}
 * and {@code countMessages} with a filter) sees only the first: Artemis's browsing iterates the messages ready to
 * be delivered, so an application whose department failed a moment ago, its message scheduled for redelivery,
 * would look lost. The other two are asked of the broker's management ({@code listScheduledMessagesAsJSON},
 * {@code listDeliveringMessagesAsJSON}) through JMS management messages to {@code activemq.management}, which the
 * embedded broker and an external one answer alike (an external broker must grant the hub's user the
 * {@code manage} permission on that address, see README). Waiting messages are still browsed, with a selector:
 * the management operations that take a filter look at most at a page of the queue (200 messages by default).
 *
 * <p>This is a question put to the broker, like a query put to the database, not a flow of messages; Camel has
 * no step that browses with a selector, so it is asked here.
 */
@Component
public class BrokerQueues {

    /** The address Artemis takes management requests on, unless a broker is configured otherwise. */
    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final int SELECTOR_CHUNK = 100;

    private final JmsTemplate jms;

    public BrokerQueues(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setReceiveTimeout(ANSWER_WITHIN.toMillis());
    }

    /**
     * Which of {@code values} a message on the queue carries as its string property {@code property}, in any state.
     *
     * @param address the queue's address: the queue itself for an anycast queue, the multicast address for a
     *     subscriber's queue
     * @param queue the queue's name
     */
    public Set<String> held(String address, String queue, String property, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        Set<String> held = new HashSet<>();
        held.addAll(scheduled(queue, property));
        held.addAll(delivering(queue, property));
        held.addAll(waiting(address, queue, property, values));
        held.retainAll(values);
        return held;
    }

    /** The values of {@code property} on the queue's messages held back for a redelivery. */
    public Set<String> scheduled(String queue, String property) {
        return ManagementReplies.scheduled(ask(queue, "listScheduledMessagesAsJSON"), property);
    }

    /** The values of {@code property} on the queue's messages delivered to a consumer and not acknowledged yet. */
    public Set<String> delivering(String queue, String property) {
        return ManagementReplies.delivering(ask(queue, "listDeliveringMessagesAsJSON"), property);
    }

    /** Which of {@code values} the queue's messages waiting to be delivered carry, found by browsing with a selector. */
    public Set<String> waiting(String address, String queue, String property, Collection<String> values) {
        String browsed = address.equals(queue) ? queue : address + "::" + queue;
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(values)) {
            String selector = property + " IN (" + chunk.stream().map(value -> "'" + value.replace("'", "''") + "'")
                    .collect(Collectors.joining(", ")) + ")";
            Set<String> seen = jms.browseSelected(browsed, selector, (session, browser) -> {
                Set<String> inChunk = new HashSet<>();
                for (Object message : Collections.list(browser.getEnumeration())) {
                    inChunk.add(((Message) message).getStringProperty(property));
                }
                return inChunk;
            });
            if (seen != null) {
                found.addAll(seen);
            }
        }
        return found;
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += SELECTOR_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SELECTOR_CHUNK)));
        }
        return chunks;
    }

    /** Invokes a management operation of the queue and returns its JSON answer. */
    private String ask(String queue, String operation) {
        Message answer = jms.sendAndReceive(MANAGEMENT_ADDRESS, session -> {
            Message request = session.createMessage();
            JMSManagementHelper.putOperationInvocation(request, ResourceNames.QUEUE + queue, operation);
            return request;
        });
        if (answer == null) {
            throw new IllegalStateException("The broker did not answer " + operation + " on " + queue + " within "
                    + ANSWER_WITHIN.toSeconds() + " s");
        }
        boolean succeeded;
        Object result;
        try {
            succeeded = JMSManagementHelper.hasOperationSucceeded(answer);
            result = JMSManagementHelper.getResult(answer, String.class);
        } catch (Exception unreadable) {
            throw new IllegalStateException("The broker's answer to " + operation + " could not be read", unreadable);
        }
        if (!succeeded) {
            throw new IllegalStateException("The broker refused " + operation + " on " + queue + ": " + result);
        }
        return (String) result;
    }
}
