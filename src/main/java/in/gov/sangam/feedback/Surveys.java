package in.gov.sangam.feedback;

import java.time.Instant;
import java.time.ZoneOffset;
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
}
