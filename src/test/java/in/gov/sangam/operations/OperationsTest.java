package in.gov.sangam.operations;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends HubIntegrationTest {

    @Test
    void readinessCoversCamelTheDatabaseAndTheBroker() {
        Answer readiness = get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").fieldNames()).toIterable()
                .contains("camelHealth", "db", "jms", "readinessState");
        assertThat(get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        get("/api/v1/departments");

        Answer metrics = get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.response().body()).contains("http_server_requests_seconds").contains("jvm_memory_used_bytes");
    }

    @Test
    void otherActuatorEndpointsNeedTheAdminScope() {
        assertThat(get("/actuator/metrics").status()).isEqualTo(401);
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
        Answer answer = get("/api/v1/nothing-here");

        assertThat(answer.status()).isIn(401, 404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
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

    private Answer get(String path) {
        return hub.raw(HttpRequest.newBuilder().GET(), path);
    }
}
