package in.gov.sangam.support;

import in.gov.sangam.feedback.SurveyTokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Surveys written straight into feedback's table, in whatever state a test needs (as the SMS sender, the gateway's
 * reports and the citizen's answers would have left them), and read back.
 */
public final class SurveyRows {

    private final JdbcClient jdbc;

    public SurveyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A survey sent at {@code completedAt}, not yet answered, with no delivery report; change what the test needs. */
    public Survey survey(Instant completedAt) {
        return new Survey(completedAt);
    }

    /** The row's columns a citizen's answer writes, to see that nothing changed. */
    public Map<String, Object> answer(String token) {
        return jdbc.sql("""
                SELECT state, rating, comment, answered_at, rated_by FROM feedback_survey WHERE token = :token""")
                .param("token", token).query().singleRow();
    }

    public final class Survey {

        private String applicationId = "TEST-" + UUID.randomUUID().toString().substring(0, 18);
        private final String token = SurveyTokens.next();
        private String serviceCode = "revenue-domicile-certificate";
        private String department = "revenue";
        private String district = "Srinagar";
        private String language = "en";
        private String state = "SENT";
        private final Instant completedAt;
        private Instant sentAt;
        private String delivery;
        private String rating;
        private Instant answeredAt;
        private String ratedBy;

        private Survey(Instant completedAt) {
            this.completedAt = completedAt;
            this.sentAt = completedAt;
        }

        public Survey application(String id) {
            this.applicationId = id;
            return this;
        }

        public Survey service(String department, String serviceCode) {
            this.department = department;
            this.serviceCode = serviceCode;
            return this;
        }

        public Survey district(String district) {
            this.district = district;
            return this;
        }

        public Survey language(String language) {
            this.language = language;
            return this;
        }

        /** PENDING, QUEUED or REFUSED: not sent. */
        public Survey notSent(String state) {
            this.state = state;
            this.sentAt = null;
            return this;
        }

        public Survey sentAt(Instant at) {
            this.sentAt = at;
            return this;
        }

        public Survey delivery(String delivery) {
            this.delivery = delivery;
            return this;
        }

        public Survey rated(String rating, String by, Instant at) {
            this.rating = rating;
            this.ratedBy = by;
            this.answeredAt = at;
            return this;
        }

        /** @return its token */
        public String insert() {
            jdbc.sql("""
                    INSERT INTO feedback_survey (application_id, token, service_code, department, district, outcome,
                        language, contact_ref, number_hash, state, send_after, completed_at, created_at, sent_at,
                        message_token, delivery, rating, answered_at, rated_by)
                    VALUES (:applicationId, :token, :serviceCode, :department, :district, 'DELIVERED', :language,
                        'test-contact', :numberHash, :state, :sendAfter, :completedAt, :completedAt, :sentAt,
                        :messageToken, :delivery, :rating, :answeredAt, :ratedBy)""")
                    .param("applicationId", applicationId)
                    .param("token", token)
                    .param("serviceCode", serviceCode)
                    .param("department", department)
                    .param("district", district)
                    .param("language", language)
                    .param("numberHash", UUID.randomUUID().toString())
                    .param("state", state)
                    .param("completedAt", utc(completedAt))
                    // A survey not sent is never due: the hub's sender must not take a row made up for a test.
                    .param("sendAfter", utc(sentAt == null ? Instant.parse("9999-12-31T00:00:00Z") : completedAt))
                    .param("sentAt", utc(sentAt))
                    .param("messageToken", sentAt == null ? null : SurveyTokens.next())
                    .param("delivery", sentAt == null ? null : delivery == null ? "AWAITED" : delivery)
                    .param("rating", rating)
                    .param("answeredAt", utc(answeredAt))
                    .param("ratedBy", ratedBy)
                    .update();
            return token;
        }
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
