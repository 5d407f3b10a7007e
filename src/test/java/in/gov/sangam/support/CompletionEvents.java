package in.gov.sangam.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * Reads, straight from the store, an application's completion events and who consumed them; and sends one again, as
 * a redelivery or a replay would bring it.
 */
public final class CompletionEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public CompletionEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the completion events written for an application (one, once it is DELIVERED or REJECTED). */
    public List<String> eventIds(String applicationId) {
        return jdbc.sql("""
                SELECT message_id FROM outbox_message
                WHERE aggregate_id = :id AND message_type = 'ApplicationCompleted' ORDER BY id""")
                .param("id", applicationId).query(String.class).list();
    }

    /** How many times {@code subscriber} recorded the event as consumed (0 or 1: the id is its key). */
    public int consumedBy(String subscriber, String eventId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED
                WHERE processorName = :processor AND messageId = :event""")
                .param("processor", "completion-" + subscriber).param("event", eventId)
                .query(Integer.class).single();
    }

    /**
     * The application's completion event, once more, under {@code eventId}, to one subscriber's queue only, as a new
     * broker message (the broker's duplicate detection would drop a second copy of the first).
     */
    public void sendAgain(JmsTemplate jms, String subscriber, String eventId, String applicationId)
            throws JsonProcessingException {
        ObjectNode event = (ObjectNode) JSON.readTree(jdbc.sql("""
                SELECT payload FROM outbox_message
                WHERE aggregate_id = :id AND message_type = 'ApplicationCompleted'""")
                .param("id", applicationId).query(String.class).single());
        event.put("eventId", eventId);
        jms.convertAndSend(new ActiveMQTopic("sangam.events.application-completed::" + subscriber), event.toString(),
                message -> {
                    String messageId = UUID.randomUUID().toString();
                    message.setStringProperty("SangamMessageId", messageId);
                    message.setStringProperty("_AMQ_DUPL_ID", messageId);
                    return message;
                });
    }
}
