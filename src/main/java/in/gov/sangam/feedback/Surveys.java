package in.gov.sangam.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The surveys and opt-outs feedback keeps, in its own tables. */
@Repository
public class Surveys {

    private final JdbcClient jdbc;

    public Surveys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps a survey to send after {@code sendAfter}, unless the application has one already. (Two nodes racing for
     * one application cannot both insert: the second fails on the unique application id, its route rolls back and
     * the event comes again, to find the survey there.)
     *
     * @return whether this call made it
     */
    public boolean addPending(CompletedApplication completed, String numberHash, String token, Instant sendAfter,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO feedback_survey (application_id, token, service_code, department, district, outcome,
                    language, contact_ref, number_hash, state, send_after, completed_at, created_at)
                SELECT :applicationId, :token, :service, :department, :district, :outcome, :language, :contact,
                    :numberHash, 'PENDING', :sendAfter, :completedAt, :now
                WHERE NOT EXISTS (SELECT 1 FROM feedback_survey WHERE application_id = :applicationId)""")
                .param("applicationId", completed.applicationId())
                .param("token", token)
                .param("service", completed.serviceCode())
                .param("department", completed.department())
                .param("district", completed.district())
                .param("outcome", completed.outcome())
                .param("language", completed.language())
                .param("contact", completed.contactRef())
                .param("numberHash", numberHash)
                .param("sendAfter", sendAfter.atOffset(ZoneOffset.UTC))
                .param("completedAt", completed.completedAt().atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    public boolean hasOptedOut(String numberHash) {
        return jdbc.sql("SELECT COUNT(*) FROM feedback_opt_out WHERE number_hash = :hash")
                .param("hash", numberHash).query(Integer.class).single() > 0;
    }

    public Optional<Survey> byToken(String token) {
        return jdbc.sql("SELECT * FROM feedback_survey WHERE token = :token").param("token", token)
                .query(Surveys::toSurvey).optional();
    }

    public Optional<Survey> byApplication(String applicationId) {
        return jdbc.sql("SELECT * FROM feedback_survey WHERE application_id = :id").param("id", applicationId)
                .query(Surveys::toSurvey).optional();
    }

    /** The survey a reply from this number answers: the latest sent to it that is still open. */
    public Optional<Survey> latestOpenFor(String numberHash, Instant now, Duration answerWithin) {
        return jdbc.sql("""
                SELECT * FROM feedback_survey
                WHERE number_hash = :hash AND state = 'SENT' AND rating IS NULL AND sent_at > :sentAfter
                ORDER BY sent_at DESC, survey_id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("hash", numberHash).param("sentAfter", utc(now.minus(answerWithin)))
                .query(Surveys::toSurvey).optional();
    }

    /** The latest delivered service this number rated BAD, within the answer period: what an APPEAL reply means. */
    public Optional<Survey> latestRatedBadBy(String numberHash, Instant now, Duration answerWithin) {
        return jdbc.sql("""
                SELECT * FROM feedback_survey
                WHERE number_hash = :hash AND rating = 'BAD' AND outcome = 'DELIVERED' AND sent_at > :sentAfter
                ORDER BY answered_at DESC, survey_id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("hash", numberHash).param("sentAfter", utc(now.minus(answerWithin)))
                .query(Surveys::toSurvey).optional();
    }

    /**
     * Records the citizen's rating, unless the survey was answered already or has closed (both checked in the one
     * update, so two answers racing on two nodes cannot both count).
     *
     * @return whether this answer was recorded
     */
    public boolean rate(long surveyId, Rating rating, String comment, String ratedBy, Instant now,
            Duration answerWithin) {
        return jdbc.sql("""
                UPDATE feedback_survey SET rating = :rating, comment = COALESCE(:comment, comment),
                    rated_by = :ratedBy, answered_at = :now
                WHERE survey_id = :id AND state = 'SENT' AND rating IS NULL AND sent_at > :sentAfter""")
                .param("rating", rating.name()).param("comment", comment).param("ratedBy", ratedBy)
                .param("now", utc(now)).param("id", surveyId).param("sentAfter", utc(now.minus(answerWithin)))
                .update() == 1;
    }

    /** Keeps what the citizen wrote that is not a rating, after anything written before (up to 1,000 characters). */
    public void addComment(long surveyId, String text) {
        String kept = jdbc.sql("SELECT comment FROM feedback_survey WHERE survey_id = :id").param("id", surveyId)
                .query(String.class).optional().orElse(null);
        String joined = kept == null ? text : kept + " / " + text;
        jdbc.sql("UPDATE feedback_survey SET comment = :comment WHERE survey_id = :id")
                .param("comment", joined.length() > 1000 ? joined.substring(0, 1000) : joined).param("id", surveyId)
                .update();
    }

    /** No later survey goes to this number. */
    public void optOut(String numberHash, Instant now) {
        jdbc.sql("""
                INSERT INTO feedback_opt_out (number_hash, opted_out_at)
                SELECT :hash, :now WHERE NOT EXISTS (SELECT 1 FROM feedback_opt_out WHERE number_hash = :hash)""")
                .param("hash", numberHash).param("now", utc(now)).update();
    }

    public Optional<Survey> byId(long surveyId) {
        return jdbc.sql("SELECT * FROM feedback_survey WHERE survey_id = :id").param("id", surveyId)
                .query(Surveys::toSurvey).optional();
    }

    /** Surveys waiting to be sent whose time has come, oldest first. */
    public List<Survey> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM feedback_survey WHERE state = 'PENDING' AND send_after <= :now
                ORDER BY send_after, survey_id FETCH FIRST :limit ROWS ONLY""")
                .param("now", utc(now)).param("limit", limit).query(Surveys::toSurvey).list();
    }

    /** @return whether this call moved it from PENDING to QUEUED (another node may have done so first) */
    public boolean markQueued(long surveyId) {
        return jdbc.sql("UPDATE feedback_survey SET state = 'QUEUED' WHERE survey_id = :id AND state = 'PENDING'")
                .param("id", surveyId).update() == 1;
    }

    /**
     * The token of the survey SMS's delivery-report URL: the one it has, or {@code candidate} given to it now. Kept
     * across attempts, so a report for an attempt the hub thought failed still finds the survey.
     */
    public String messageTokenOf(long surveyId, String candidate) {
        jdbc.sql("UPDATE feedback_survey SET message_token = :token WHERE survey_id = :id AND message_token IS NULL")
                .param("token", candidate).param("id", surveyId).update();
        return jdbc.sql("SELECT message_token FROM feedback_survey WHERE survey_id = :id").param("id", surveyId)
                .query(String.class).single();
    }

    /** @return whether this call recorded it sent (not an earlier one) */
    public boolean markSent(long surveyId, Instant now, int parts, String encoding) {
        return jdbc.sql("""
                UPDATE feedback_survey SET state = 'SENT', sent_at = :now, delivery = 'AWAITED', sms_parts = :parts,
                    sms_encoding = :encoding, refusal = NULL
                WHERE survey_id = :id AND state <> 'SENT'""")
                .param("now", utc(now)).param("parts", parts).param("encoding", encoding).param("id", surveyId)
                .update() == 1;
    }

    public void markRefused(long surveyId, String reason) {
        jdbc.sql("UPDATE feedback_survey SET state = 'REFUSED', refusal = :reason WHERE survey_id = :id AND state <> 'SENT'")
                .param("reason", reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500))
                .param("id", surveyId).update();
    }

    /**
     * Records a delivery report on the SMS with this report token; the delivery moves only from AWAITED.
     *
     * @return the delivery after the report, or empty when no SMS has this token
     */
    public Optional<String> recordDelivery(String messageToken, int report, String delivery, Instant now) {
        jdbc.sql("""
                UPDATE feedback_survey SET delivery_report = :report, delivery_reported_at = :now, delivery = :delivery
                WHERE message_token = :token AND delivery = 'AWAITED'""")
                .param("report", report).param("now", utc(now)).param("delivery", delivery)
                .param("token", messageToken).update();
        return jdbc.sql("SELECT delivery FROM feedback_survey WHERE message_token = :token")
                .param("token", messageToken).query(String.class).optional();
    }

    private static Survey toSurvey(ResultSet rs, int row) throws SQLException {
        String rating = rs.getString("rating");
        return new Survey(rs.getLong("survey_id"), rs.getString("application_id"), rs.getString("token"),
                rs.getString("service_code"), rs.getString("department"), rs.getString("district"),
                rs.getString("outcome"), rs.getString("language"), rs.getString("contact_ref"),
                rs.getString("number_hash"), rs.getString("state"), instant(rs, "send_after"), instant(rs, "sent_at"),
                rs.getString("message_token"), rs.getString("delivery"), rating == null ? null : Rating.valueOf(rating),
                rs.getString("comment"), instant(rs, "answered_at"), rs.getString("rated_by"),
                instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
