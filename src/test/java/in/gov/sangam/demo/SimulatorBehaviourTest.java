package in.gov.sangam.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped simulators behave like the real systems on a bad day: slow answers and failures. A hub of its own,
 * since a failing department trips its circuit breaker, which would hold up other tests' applications.
 */
class SimulatorBehaviourTest {

    @TempDir
    Path dataDir;

    @Test
    void aSlowDepartmentStillTakesItsApplicationAndAFailingOneLeavesItWaiting() {
        try (HubProcess hub = HubProcess.start(dataDir)) {
            HubClient client = hub.client();
            String slow = submit(client, Applications.domicile("Slow Ghulam Nabi"));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(client, slow).equals("FORWARDED"));

            String failing = submit(client, Applications.domicile("Outage Ghulam Nabi"));
            await().atMost(Duration.ofSeconds(30)).until(() -> revenueConnector(client).path("lastFailure").asText()
                    .contains("SOAP fault"));

            assertThat(status(client, failing)).isEqualTo("SUBMITTED");
            assertThat(client.get("/api/v1/admin/dead-letters", "admin").json().path("total").asInt()).isZero();
        }
    }

    private static String submit(HubClient client, String body) {
        return client.submit("portal", UUID.randomUUID().toString(), body).json().path("applicationId").asText();
    }

    private static String status(HubClient client, String id) {
        return client.get("/api/v1/applications/" + id, "portal").json().path("status").asText();
    }

    private static JsonNode revenueConnector(HubClient client) {
        for (JsonNode department : client.get("/api/v1/departments", null).json().path("items")) {
            if (department.path("code").asText().equals("revenue")) {
                return department.path("connector");
            }
        }
        throw new AssertionError("revenue is not listed");
    }
}
