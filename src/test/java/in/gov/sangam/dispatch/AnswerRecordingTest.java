package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.tools.TriggerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The department has taken an application, and the hub cannot record that at once (the database fails when the
 * application is to become FORWARDED, by a trigger this test puts on the table): the recording is tried again, the
 * application ends FORWARDED with the department's reference, and the department is sent it exactly once. Before,
 * the dispatch rolled back and the broker's redelivery sent the application a second time.
 */
class AnswerRecordingTest extends HubIntegrationTest {

    private static final String REGISTRATIONS = "/hmis/api/v2/registrations";
    /** How many more times recording an application FORWARDED fails, by its applicant's name. */
    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JdbcClient jdbc;

    ApplicationRows rows;
    WireMockServer hmis;

    /** Fails an application's change to FORWARDED while it has failures left, as a database hiccup would. */
    public static class FailingRecording extends TriggerAdapter {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            AtomicInteger left = FAILURES.get(newRow.getString("APPLICANT_NAME"));
            if ("FORWARDED".equals(newRow.getString("STATUS")) && left != null && left.getAndDecrement() > 0) {
                throw new SQLException("Injected: the database could not record this", "08006");
            }
        }
    }

    @BeforeEach
    void trigger() {
        rows = new ApplicationRows(jdbc);
        hmis = simulators.server("health");
        jdbc.sql("CREATE TRIGGER IF NOT EXISTS failing_recording BEFORE UPDATE ON application FOR EACH ROW CALL \""
                + FailingRecording.class.getName() + "\"").update();
    }

    @AfterEach
    void noTrigger() {
        jdbc.sql("DROP TRIGGER IF EXISTS failing_recording").update();
        FAILURES.clear();
    }

    @Test
    void anAcceptanceTheDatabaseFailsToRecordOnceIsRecordedAgainAndNeverSentTwice() {
        assertSentOnceAndForwarded("Recording Once Bhat", 1);
    }

    @Test
    void anAcceptanceTheDatabaseCannotRecordForLongGoesBackToTheQueueWithItsAnswerAndIsNeverSentTwice() {
        // More failures than the recording is tried in place (5 retries): the message goes back to the queue with
        // the department's answer, and is recorded from there.
        assertSentOnceAndForwarded("Recording Later Bhat", 8);
    }

    private void assertSentOnceAndForwarded(String applicant, int failures) {
        FAILURES.put(applicant, new AtomicInteger(failures));
        String applicationId = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration").replace("\"Aisha Bhat\"",
                        "\"" + applicant + "\"")).json().path("applicationId").asText();

        await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(applicationId).equals("FORWARDED"));

        assertThat(FAILURES.get(applicant).get()).as("every injected failure happened").isLessThanOrEqualTo(0);
        assertThat(hub.get("/api/v1/applications/" + applicationId, "portal").json().path("departmentReference")
                .asText()).isEqualTo("HLT/" + Year.now() + "/" + applicationId);
        assertThat(hmis.findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS))
                .withRequestBody(matchingJsonPath("$.hub_ref", equalTo(applicationId))))).hasSize(1);
        assertThat(hub.get("/api/v1/admin/dead-letters", "admin").json().path("items").findValuesAsText(
                "applicationId")).doesNotContain(applicationId);
    }
}
