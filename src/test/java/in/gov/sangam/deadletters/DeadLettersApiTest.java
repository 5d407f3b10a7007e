package in.gov.sangam.deadletters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeadLettersApiTest extends HubIntegrationTest {

    @Autowired
    DepartmentSimulators simulators;

    @Test
    void aRefusedApplicationIsListedWithItsReasonAndCanBeReplayedOnceTheCauseIsFixed() {
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration").replace("government-hospital", "home"))
                .json().path("applicationId").asText();
        JsonNode letter = await().atMost(Duration.ofSeconds(20)).until(() -> deadLetterOf(id), l -> l != null);

        assertThat(letter.path("department").asText()).isEqualTo("health");
        assertThat(letter.path("source").asText()).isEqualTo("dispatch");
        assertThat(letter.path("reason").asText()).contains("village Registrar").contains("422");
        assertThat(letter.path("message").asText()).contains(id);
        assertThat(letter.has("replayedAt")).isFalse();

        // HMIS is told to take home births after all; the operator replays.
        StubMapping fixed = simulators.server("health").stubFor(post(urlPathEqualTo("/hmis/api/v2/registrations"))
                .atPriority(1).withRequestBody(matchingJsonPath("$.hub_ref"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"ack_no\": \"HLT/HOME/" + id + "\", \"status_cd\": \"REG\"}")));
        try {
            Answer replay = hub.post("/api/v1/admin/dead-letters/" + letter.path("id").asLong() + "/replay", "admin",
                    null, "application/json", "");

            assertThat(replay.status()).isEqualTo(202);
            assertThat(replay.json().path("replayedAt").asText()).isNotBlank();
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.get("/api/v1/applications/" + id, "portal").json()
                    .path("departmentReference").asText().equals("HLT/HOME/" + id));
            assertThat(deadLetterOf(id)).isNull();

            Answer again = hub.post("/api/v1/admin/dead-letters/" + letter.path("id").asLong() + "/replay", "admin",
                    null, "application/json", "");
            assertThat(again.status()).isEqualTo(409);
        } finally {
            simulators.server("health").removeStub(fixed);
        }
    }

    @Test
    void deadLettersAreForAdministratorsOnly() {
        assertThat(hub.get("/api/v1/admin/dead-letters", "portal").status()).isEqualTo(403);
        assertThat(hub.get("/api/v1/admin/dead-letters", "dept-health").status()).isEqualTo(403);
        assertThat(hub.get("/api/v1/admin/dead-letters", null).status()).isEqualTo(401);
        assertThat(hub.post("/api/v1/admin/dead-letters/999999/replay", "admin", null, "application/json", "")
                .status()).isEqualTo(404);
    }

    private JsonNode deadLetterOf(String applicationId) {
        for (JsonNode letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (letter.path("applicationId").asText().equals(applicationId)) {
                return letter;
            }
        }
        return null;
    }
}
