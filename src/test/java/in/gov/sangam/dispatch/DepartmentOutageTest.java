package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A department's system goes away: nothing is lost, nothing is sent twice, and what cannot be sent is shown. */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // each test starts a whole hub of its own
class DepartmentOutageTest {

    private static final String REGISTRATIONS = "/hmis/api/v2/registrations";

    @TempDir
    Path dataDir;

    @Test
    void applicationsWaitWhileTheDepartmentIsDownAndAreEachSentOnceWhenItReturns() {
        try (HubProcess hub = HubProcess.start(dataDir,
                "sangam.broker.redelivery-delay=100ms", "sangam.broker.max-redelivery-delay=500ms",
                "sangam.connectors.health.circuitBreaker.openFor=2s",
                "sangam.connectors.health.retry.initialDelay=50ms")) {
            HubClient client = hub.client();
            WireMockServer hmis = hub.bean(DepartmentSimulators.class).server("health");
            StubMapping down = hmis.stubFor(post(urlPathEqualTo(REGISTRATIONS)).atPriority(1)
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(client.submit("portal", UUID.randomUUID().toString(),
                        Applications.forService(client, "health-birth-registration")).json()
                        .path("applicationId").asText());
            }
            // While health stays down its circuit opens, half-opens after 2 s to let a probe through, and opens
            // again when the probe fails: the departments list must show it DOWN and OPEN (looked at until it does,
            // since a slow machine may look during a half-open moment).
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode whileDown = connector(client);
                assertThat(whileDown.path("state").asText()).isEqualTo("DOWN");
                assertThat(whileDown.path("circuit").asText()).isEqualTo("OPEN");
                assertThat(whileDown.path("lastFailure").asText()).contains("health could not be reached");
            });
            for (String id : ids) {
                assertThat(status(client, id)).isEqualTo("SUBMITTED");
            }
            // The other departments go on as before while health is down.
            String revenue = client.submit("portal", UUID.randomUUID().toString(),
                    Applications.domicile("Ghulam Nabi Bhat")).json().path("applicationId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> status(client, revenue).equals("FORWARDED"));
            assertThat(ids).allMatch(id -> status(client, id).equals("SUBMITTED"));
            // One department down does not take the hub out of service.
            assertThat(client.raw(java.net.http.HttpRequest.newBuilder().GET(), "/actuator/health/readiness")
                    .status()).isEqualTo(200);

            hmis.removeStub(down);

            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                    .allMatch(id -> status(client, id).equals("FORWARDED")));
            for (String id : ids) {
                assertThat(hmis.findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS))
                        .withRequestBody(matchingJsonPath("$.hub_ref", equalTo(id))))
                        .stream().filter(call -> hmis.getAllServeEvents().stream()
                                .anyMatch(event -> event.getRequest().getId().equals(call.getId())
                                        && event.getResponse().getStatus() == 202))
                        .count()).as("accepted calls for " + id).isEqualTo(1);
            }
            assertThat(client.get("/api/v1/admin/dead-letters", "admin").json().path("total").asInt()).isZero();
            // The circuit closes once enough calls succeed while it is half-open (ten, resilience4j's default): how
            // many of the five were sent half-open depends on the moment health came back, so further applications
            // make the calls until it has closed.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode back = connector(client);
                if (!back.path("circuit").asText().equals("CLOSED")) {
                    client.submit("portal", UUID.randomUUID().toString(),
                            Applications.forService(client, "health-birth-registration"));
                }
                assertThat(back.path("state").asText()).isEqualTo("UP");
                assertThat(back.path("circuit").asText()).isEqualTo("CLOSED");
                assertThat(back.path("lastSuccessAt").asText()).isNotBlank();
            });
        }
    }

    private static JsonNode connector(HubClient client) {
        for (JsonNode department : client.get("/api/v1/departments", null).json().path("items")) {
            if (department.path("code").asText().equals("health")) {
                return department.path("connector");
            }
        }
        throw new AssertionError("health is not listed");
    }

    @Test
    void anApplicationThatCannotBeDeliveredAfterEveryAttemptIsADeadLetterThatSaysWhy() {
        try (HubProcess hub = HubProcess.start(dataDir,
                "sangam.broker.redelivery-delay=100ms", "sangam.broker.max-redelivery-delay=200ms",
                "sangam.broker.dispatch-max-delivery-attempts=3",
                "sangam.connectors.health.retry.attempts=1")) {
            HubClient client = hub.client();
            WireMockServer hmis = hub.bean(DepartmentSimulators.class).server("health");
            hmis.stubFor(post(urlPathEqualTo(REGISTRATIONS)).atPriority(1)
                    .willReturn(aResponse().withStatus(503)));

            String id = client.submit("portal", UUID.randomUUID().toString(),
                    Applications.forService(client, "health-birth-registration")).json().path("applicationId").asText();

            JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (JsonNode item : client.get("/api/v1/admin/dead-letters", "admin").json().path("items")) {
                    if (item.path("applicationId").asText().equals(id)) {
                        return item;
                    }
                }
                return null;
            }, item -> item != null);
            assertThat(letter.path("reason").asText()).contains("Not delivered after 3 attempts")
                    .contains("health answered 503");
            assertThat(letter.path("attempts").asInt()).isEqualTo(3);
            assertThat(status(client, id)).isEqualTo("SUBMITTED");
            // Giving up on the dispatch is in the audit trail, as the hub's own doing.
            JsonNode entries = client.get("/api/v1/admin/audit?applicationId=" + id, "admin").json().path("items");
            JsonNode failed = entries.get(entries.size() - 1);
            assertThat(failed.path("action").asText()).isEqualTo("DISPATCH_FAILED");
            assertThat(failed.path("clientId").asText()).isEqualTo("hub");
            assertThat(failed.path("detail").asText())
                    .isEqualTo("not delivered after 3 attempts; dead letter " + letter.path("id").asLong());
        }
    }

    private static String status(HubClient client, String id) {
        return client.get("/api/v1/applications/" + id, "portal").json().path("status").asText();
    }
}
