package in.gov.sangam.outbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox. {@link #add} joins the caller's transaction, so a message exists if and only if the change
 * it announces was committed; the relay route publishes what is pending and marks it published.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String add(String destination, String messageType, String aggregateId, String payload) {
        String messageId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO outbox_message (message_id, destination, message_type, aggregate_id, payload, created_at)
                VALUES (:messageId, :destination, :type, :aggregate, :payload, :createdAt)""")
                .param("messageId", messageId)
                .param("destination", destination)
                .param("type", messageType)
                .param("aggregate", aggregateId)
                .param("payload", payload)
                .param("createdAt", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return messageId;
    }

    /** The oldest messages not yet published, at most {@code limit}. */
    public List<OutboxMessage> pending(int limit) {
        return jdbc.sql("""
                SELECT id, message_id, destination, message_type, aggregate_id, payload FROM outbox_message
                WHERE published_at IS NULL ORDER BY id FETCH FIRST :limit ROWS ONLY""")
                .param("limit", limit)
                .query((rs, row) -> new OutboxMessage(rs.getLong("id"), rs.getString("message_id"),
                        rs.getString("destination"), rs.getString("message_type"), rs.getString("aggregate_id"),
                        rs.getString("payload")))
                .list();
    }

    public void markPublished(long id) {
        jdbc.sql("UPDATE outbox_message SET published_at = :now, attempts = attempts + 1 WHERE id = :id")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    public void markFailed(long id, String error) {
        String reason = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("UPDATE outbox_message SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .param("error", reason)
                .param("id", id)
                .update();
    }

    public int countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL").query(Integer.class).single();
    }
}
