package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.ContractValidator;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A path of the API has one form: another (a trailing slash) is not served, so it cannot slip past a rule. */
class CanonicalPathTest extends HubIntegrationTest {

    private static final String HEALTH_CALLBACK = "/api/v1/departments/health/status-updates";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTrailingSlashIsNoWayAroundADepartmentsRule() {
        ApplicationRows rows = new ApplicationRows(jdbc);
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration")).json().path("applicationId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));
        String update = "{\"applicationId\": \"" + id + "\", \"status\": \"IN_PROCESS\"}";

        for (String client : new String[] {"dept-revenue", "portal"}) {
            assertThat(report(client, HEALTH_CALLBACK, update).status()).isEqualTo(403);
            Answer slashed = report(client, HEALTH_CALLBACK + "/", update);

            assertThat(slashed.status()).isEqualTo(404);
            assertThat(slashed.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(rows.status(id)).isEqualTo("FORWARDED");
        assertThat(rows.historySize(id)).isEqualTo(2);
    }

    @Test
    void aPublicPathWithATrailingSlashIsNotServedEither() {
        Answer answer = hub.get("/api/v1/services/", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:not-found");
    }

    private Answer report(String client, String path, String body) {
        Answer answer = hub.raw(HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + hub.token(client))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
        ContractValidator.assertConforms("POST", HEALTH_CALLBACK, answer.response());
        return answer;
    }
}
