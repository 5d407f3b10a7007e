package in.gov.sangam.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox. {@link #add} joins the caller's transaction, so a message exists if and only if the change
 * it announces was committed; the relay route claims what is pending, publishes it and marks it published.
 *
 * <p>Claims are leases measured on the wall clock, not on the hub's (possibly sped-up) domain clock: they are about
 * processes, not about PSGA time.
 */
@Repository
public class Outbox {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Clock wallClock = Clock.systemUTC();
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public Outbox(JdbcClient jdbc, ObjectMapper objectMapper, Clock clock) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Adds a message, its payload written as JSON, to the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String add(String destination, String messageType, String aggregateId, Object payload) {
        return add(UUID.randomUUID().toString(), destination, messageType, aggregateId, payload);
    }

    /** Adds a message with the id the caller chose (unique: it is also the broker's duplicate-detection id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String add(String messageId, String destination, String messageType, String aggregateId, Object payload) {
        jdbc.sql("""
                INSERT INTO outbox_message (message_id, destination, message_type, aggregate_id, payload, created_at)
                VALUES (:messageId, :destination, :type, :aggregate, :payload, :createdAt)""")
                .param("messageId", messageId)
                .param("destination", destination)
                .param("type", messageType)
                .param("aggregate", aggregateId)
                .param("payload", json(payload))
                .param("createdAt", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return messageId;
    }

    private String json(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An outbox payload could not be written as JSON", e);
        }
    }

    /**
     * Claims the oldest unpublished messages that no other relay holds, at most {@code limit}, for this relay to
     * publish. A claim lasts {@link #LEASE}; a message whose claim ran out (its relay died) can be claimed again.
     */
    @Transactional
    public List<OutboxMessage> claim(int limit) {
        // Millisecond precision: the claim's end is also its ticket, matched exactly when the claimed rows are read.
        OffsetDateTime now = wallClock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(LEASE);
        // Candidates by the index of unpublished messages, then claimed and read back by primary key: the outbox
        // keeps every published message, and reading the claim back by its ticket alone scanned all of them on every
        // poll (a fifth of the hub's CPU while it took submissions, in issue 12's profile).
        List<Long> candidates = jdbc.sql("""
                SELECT id FROM outbox_message
                WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < :now)
                ORDER BY id FETCH FIRST :limit ROWS ONLY""")
                .param("now", now)
                .param("limit", limit)
                .query(Long.class)
                .list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        // The conditions again: another node's relay may have claimed or published some since they were read.
        jdbc.sql("""
                UPDATE outbox_message SET claimed_by = :node, claimed_until = :until
                WHERE id IN (:ids) AND published_at IS NULL AND (claimed_until IS NULL OR claimed_until < :now)""")
                .param("node", node)
                .param("until", until)
                .param("now", now)
                .param("ids", candidates)
                .update();
        return jdbc.sql("""
                SELECT id, message_id, destination, message_type, aggregate_id, payload FROM outbox_message
                WHERE id IN (:ids) AND claimed_by = :node AND claimed_until = :until AND published_at IS NULL
                ORDER BY id""")
                .param("ids", candidates)
                .param("node", node)
                .param("until", until)
                .query((rs, row) -> new OutboxMessage(rs.getLong("id"), rs.getString("message_id"),
                        rs.getString("destination"), rs.getString("message_type"), rs.getString("aggregate_id"),
                        rs.getString("payload")))
                .list();
    }

    public void markPublished(long id) {
        markPublished(List.of(id));
    }

    /** Marks messages the broker took (a batch in one transaction), in one statement. */
    public void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE outbox_message SET published_at = :now, attempts = attempts + 1 WHERE id IN (:ids)")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("ids", ids)
                .update();
    }

    /** Records why publishing failed and holds the message back, twice as long after each failure. */
    public void markFailed(long id, String error) {
        String reason = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
        int attempts = jdbc.sql("SELECT attempts FROM outbox_message WHERE id = :id").param("id", id)
                .query(Integer.class).single() + 1;
        Duration backOff = Duration.ofSeconds(1L << Math.min(attempts, 9));
        jdbc.sql("""
                UPDATE outbox_message SET attempts = :attempts, last_error = :error, claimed_until = :until
                WHERE id = :id""")
                .param("attempts", attempts)
                .param("error", reason)
                .param("until", wallClock.instant().plus(backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff)
                        .atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    public int countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL").query(Integer.class).single();
    }
}
