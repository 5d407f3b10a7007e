package in.gov.sangam.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads, straight from the store, an application's completion events and who consumed them. */
public final class CompletionEvents {

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
}
