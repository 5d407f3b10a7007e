package in.gov.sangam.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo: applications of every department move on by themselves, each through its own department's channel. */
class DemoProgressTest {

    @TempDir
    Path dataDir;

    @Test
    void everyDepartmentTakesItsApplicationsToAFinalStatusOnItsOwn() {
        try (HubProcess hub = HubProcess.start(dataDir, "sangam.demo.auto-progress=true",
                "sangam.demo.step-after=1s", "sangam.connectors.revenue.statusPolling.every=300ms",
                "sangam.connectors.education.batch.pollEvery=300ms")) {
            HubClient client = hub.client();
            Map<String, String> services = Map.of("revenue", "revenue-income-certificate",
                    "health", "health-death-registration", "education", "education-migration-certificate");
            List<String> ids = new ArrayList<>();
            services.values().forEach(service -> ids.add(client.submit("portal", UUID.randomUUID().toString(),
                    Applications.forService(client, service)).json().path("applicationId").asText()));

            for (String id : ids) {
                await().atMost(Duration.ofSeconds(60)).until(() -> List.of("DELIVERED", "REJECTED")
                        .contains(client.get("/api/v1/applications/" + id, "portal").json().path("status").asText()));
                List<String> steps = new ArrayList<>();
                for (JsonNode step : client.get("/api/v1/applications/" + id, "portal").json().path("history")) {
                    steps.add(step.path("status").asText());
                }
                assertThat(steps).as(id).startsWith("SUBMITTED", "FORWARDED", "IN_PROCESS").hasSize(4);
            }
        }
    }
}
