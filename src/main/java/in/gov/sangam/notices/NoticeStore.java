package in.gov.sangam.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notices, in their own table (V17__notices.sql). */
@Repository
class NoticeStore {

    /** A notice as the sender reads it: the recipient as stored (a mobile number encrypted). */
    record StoredNotice(long noticeId, String noticeKey, Channel channel, String storedRecipient,
            String recipientShown, String language, String subject, String text, String dltTemplateId,
            String applicationId, NoticeState state) {
    }

    private static final int MAX_FAILURE = 1000;

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the notice unless one with its key exists. (Two transactions requesting one key at once cannot both
     * insert: the later fails on the unique key and rolls back, and its caller, tried again, finds the notice there.)
     *
     * @return the new notice's id; empty if the key was requested before
     */
    Optional<Long> addPending(Notice notice, String storedRecipient, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO notice (notice_key, channel, recipient, recipient_shown, language, subject, text,
                    dlt_template_id, application_id, state, requested_at)
                SELECT :key, :channel, :recipient, :shown, :language, :subject, :text, :dlt, :applicationId,
                    'PENDING', :now
                WHERE NOT EXISTS (SELECT 1 FROM notice WHERE notice_key = :key)""")
                .param("key", notice.noticeKey())
                .param("channel", notice.channel().name())
                .param("recipient", storedRecipient)
                .param("shown", notice.recipientShown())
                .param("language", notice.language())
                .param("subject", notice.subject())
                .param("text", notice.text())
                .param("dlt", notice.dltTemplateId())
                .param("applicationId", notice.applicationId())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT notice_id FROM notice WHERE notice_key = :key")
                .param("key", notice.noticeKey()).query(Long.class).single());
    }

    Optional<StoredNotice> byId(long noticeId) {
        return jdbc.sql("SELECT * FROM notice WHERE notice_id = :id").param("id", noticeId)
                .query((rs, row) -> new StoredNotice(rs.getLong("notice_id"), rs.getString("notice_key"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        rs.getString("recipient_shown"), rs.getString("language"), rs.getString("subject"),
                        rs.getString("text"), rs.getString("dlt_template_id"), rs.getString("application_id"),
                        NoticeState.valueOf(rs.getString("state"))))
                .optional();
    }

    /** An application's notices in the order they were requested. */
    List<NoticeRecord> forApplication(String applicationId) {
        return jdbc.sql("""
                SELECT notice_key, channel, recipient_shown, subject, state, requested_at, sent_at, failure
                FROM notice WHERE application_id = :id ORDER BY notice_id""")
                .param("id", applicationId)
                .query(NoticeStore::toRecord)
                .list();
    }

    /** @return whether this call marked it (a notice SENT already stays as it was) */
    boolean markSent(long noticeId, Instant now) {
        return jdbc.sql("""
                UPDATE notice SET state = 'SENT', sent_at = :now, failure = NULL
                WHERE notice_id = :id AND state <> 'SENT'""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", noticeId).update() == 1;
    }

    void markFailed(long noticeId, String reason) {
        jdbc.sql("UPDATE notice SET state = 'FAILED', failure = :reason WHERE notice_id = :id AND state <> 'SENT'")
                .param("reason", shortened(reason)).param("id", noticeId).update();
    }

    /** Why the last try did not send it; it stays PENDING (a replayed FAILED one is PENDING again). */
    void noteFailedTry(long noticeId, String reason) {
        jdbc.sql("UPDATE notice SET state = 'PENDING', failure = :reason WHERE notice_id = :id AND state <> 'SENT'")
                .param("reason", shortened(reason)).param("id", noticeId).update();
    }

    private static String shortened(String reason) {
        String why = reason == null ? "unknown" : reason;
        return why.length() > MAX_FAILURE ? why.substring(0, MAX_FAILURE) : why;
    }

    private static NoticeRecord toRecord(ResultSet rs, int row) throws SQLException {
        return new NoticeRecord(rs.getString("notice_key"), Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient_shown"), rs.getString("subject"), NoticeState.valueOf(rs.getString("state")),
                instant(rs.getObject("requested_at", OffsetDateTime.class)),
                instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("failure"));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
