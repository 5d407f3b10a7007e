package in.gov.sangam.deadletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dead letters: recorded once per message (a redelivered failure updates its row), listed, replayed. */
@Repository
public class DeadLetters {

    private static final String COLUMNS = """
            id, message_id, department, application_id, source, reason, attempts, destination, message_type, payload,
            failed_at, replayed_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public DeadLetters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a failure. The same message failing again (a redelivery, a result file read twice) updates its row
     * rather than adding one; a replay is a new message, so if it fails it is a new dead letter.
     *
     * @return the dead letter's id
     */
    public long record(String messageId, String department, String applicationId, String source, String reason,
            int attempts, String destination, String messageType, String payload) {
        String why = reason == null ? "unknown" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        int updated = jdbc.sql("""
                UPDATE dead_letter SET reason = :reason, attempts = attempts + :attempts, failed_at = :now,
                    replayed_at = NULL
                WHERE message_id = :messageId""")
                .param("reason", why).param("attempts", attempts).param("now", now()).param("messageId", messageId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO dead_letter (message_id, department, application_id, source, reason, attempts,
                        destination, message_type, payload, failed_at)
                    VALUES (:messageId, :department, :applicationId, :source, :reason, :attempts, :destination,
                        :type, :payload, :now)""")
                    .param("messageId", messageId).param("department", department)
                    .param("applicationId", applicationId).param("source", source).param("reason", why)
                    .param("attempts", attempts).param("destination", destination).param("type", messageType)
                    .param("payload", payload).param("now", now())
                    .update();
        }
        return jdbc.sql("SELECT id FROM dead_letter WHERE message_id = :messageId").param("messageId", messageId)
                .query(Long.class).single();
    }

    /** Dead letters not replayed yet, newest first. */
    public List<DeadLetter> open(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE replayed_at IS NULL ORDER BY id DESC"
                        + " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .param("offset", offset).param("limit", limit)
                .query(DeadLetters::toDeadLetter)
                .list();
    }

    public int countOpen() {
        return jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE replayed_at IS NULL").query(Integer.class).single();
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE id = :id").param("id", id)
                .query(DeadLetters::toDeadLetter)
                .optional();
    }

    /** Marks it replayed, unless another replay got there first. */
    public boolean markReplayed(long id) {
        return jdbc.sql("UPDATE dead_letter SET replayed_at = :now WHERE id = :id AND replayed_at IS NULL")
                .param("now", now()).param("id", id).update() == 1;
    }

    private static DeadLetter toDeadLetter(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("message_id"), rs.getString("department"),
                rs.getString("application_id"), rs.getString("source"), rs.getString("reason"), rs.getInt("attempts"),
                rs.getString("destination"), rs.getString("message_type"), rs.getString("payload"),
                instant(rs.getObject("failed_at", OffsetDateTime.class)),
                instant(rs.getObject("replayed_at", OffsetDateTime.class)));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
