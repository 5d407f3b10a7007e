package in.gov.sangam.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void readinessCoversCamelTheDatabaseAndTheBroker() {
        Answer readiness = asAdmin("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").fieldNames()).toIterable()
                .contains("camelHealth", "db", "jms", "readinessState");
        assertThat(get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void anyoneSeesWhetherTheHubIsUpButOnlyAdministratorsSeeItsInsides() {
        Answer anonymous = get("/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        JsonNode components = asAdmin("/actuator/health").json().path("components");
        assertThat(components.has("db")).isTrue();
        assertThat(components.path("departments").path("details").path("health").asText()).contains("rest");
        assertThat(components.path("departments").path("details").path("revenue").asText()).contains("soap");
    }

    @Test
    void metricsAreExposedForPrometheusToAdministrators() {
        get("/api/v1/departments");

        Answer metrics = asAdmin("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.response().body()).contains("http_server_requests_seconds").contains("jvm_memory_used_bytes");
    }

    /**
     * Camel's per-exchange notifier (camel.metrics.enable-exchange-event-notifier) times each call a route makes, so
     * a department's system has a timer of its own, named by its URL without the query (which holds credentials).
     */
    @Test
    void everyCallToADepartmentIsTimedByItsEndpoint() {
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration")).json().path("applicationId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> new ApplicationRows(jdbc).status(id).equals("FORWARDED"));

        String scrape = asAdmin("/actuator/prometheus").response().body();

        assertThat(scrape.lines().filter(line -> line.startsWith("camel_exchange_event_notifier_seconds_count{")))
                .anySatisfy(line -> assertThat(line)
                        .containsPattern("endpointName=\"http://[^\"?]+/hmis/api/v2/registrations\"")
                        .contains("eventType=\"ExchangeSentEvent\"").contains("routeId=\"dispatch-health\""));
        assertThat(scrape).doesNotContain("authPassword");
    }

    @Test
    void otherActuatorEndpointsNeedTheAdminScope() {
        assertThat(get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(hub.raw(HttpRequest.newBuilder().header("Authorization", "Bearer " + hub.token("portal")).GET(),
                "/actuator/metrics").status()).isEqualTo(403);
        assertThat(asAdmin("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void theContractIsBrowsable() {
        Answer page = get("/api/docs/index.html");
        Answer contract = get("/api/docs/portal-api.yaml");
        Answer ui = get("/webjars/swagger-ui/swagger-ui-bundle.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().body()).contains("/api/docs/portal-api.yaml");
        assertThat(contract.response().body()).contains("operationId: submitApplication");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(get("/api/docs").status()).isEqualTo(302);
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        Answer answer = asAdmin("/api/v1/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:not-found");
    }

    @Test
    void aMethodNoOperationServesIsAProblemDocument() {
        Answer answer = hub.raw(HttpRequest.newBuilder().header("Authorization", "Bearer " + hub.token("admin"))
                .DELETE(), "/api/v1/departments");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:method-not-allowed");
    }

    @Test
    void logsNameTheApplicationButNeverAWholeAadhaarOrMobileNumber(CapturedOutput output) {
        String id = hub.submit("portal", UUID.randomUUID().toString(), Applications.domicile("G N Bhat")).json()
                .path("applicationId").asText();
        hub.submit("portal", UUID.randomUUID().toString(),
                Applications.domicile("G N Bhat").replace(Applications.AADHAAR, "234123412345"));

        assertThat(output.getAll()).contains("[" + id + "]");
        assertThat(output.getAll()).doesNotContain(Applications.AADHAAR).doesNotContain("234123412345")
                .doesNotContain("9876543210");
    }

    @Test
    void aCitizenNumberThatSlipsIntoALogLineIsMasked(CapturedOutput output) {
        LoggerFactory.getLogger(OperationsTest.class).warn("A driver quoted 234123412346 and +919876543210",
                new IllegalStateException("value 9876543210 too long"));

        assertThat(output.getAll()).contains("A driver quoted ********2346 and ********3210")
                .contains("value ********3210 too long")
                .doesNotContain("234123412346").doesNotContain("9876543210");
    }

    private Answer asAdmin(String path) {
        return hub.raw(HttpRequest.newBuilder().header("Authorization", "Bearer " + hub.token("admin")).GET(), path);
    }

    private Answer get(String path) {
        return hub.raw(HttpRequest.newBuilder().GET(), path);
    }
}
