package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.ContractValidator;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests that the web server, its firewall or Camel used to answer with an HTML page, an empty body or a 500: each
 * now gets a problem that says what is wrong, and changes nothing.
 */
class MalformedRequestsTest extends HubIntegrationTest {

    private static final String SERVICES = "/api/v1/services";
    private static final String APPLICATIONS = "/api/v1/applications";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPathTheWebServerRefusesIsAnsweredWithAProblem() {
        // Percent-encoded paths never reach a route: no path of the API needs them (see CanonicalPathFilter).
        for (String path : new String[] {SERVICES + "/a%2Fb", SERVICES + "/a%5Cb"}) {
            Answer answer = hub.raw(HttpRequest.newBuilder().GET(), path);

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertProblem(answer, "GET", SERVICES, "urn:sangam:problem:non-canonical-path");
        }
        // Tomcat itself refuses NUL or invalid UTF-8 in a path and an over-long request line, before any filter.
        for (String path : new String[] {SERVICES + "/a%00b", SERVICES + "/a%ED%A0%80b",
                SERVICES + "?q=" + "x".repeat(10_000)}) {
            Answer answer = hub.raw(HttpRequest.newBuilder().GET(), path);

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertProblem(answer, "GET", SERVICES, "urn:sangam:problem:invalid-request");
        }
    }

    @Test
    void aMethodTheFirewallRefusesIsAnsweredWithAProblem() {
        Answer answer = hub.raw(HttpRequest.newBuilder().method("TRACE", HttpRequest.BodyPublishers.noBody()), SERVICES);

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, "GET", SERVICES, "urn:sangam:problem:invalid-request");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedAndNothingIsStored() {
        int before = applications();
        byte[] latin1 = Applications.domicile("Zoë Bhat").getBytes(StandardCharsets.ISO_8859_1);

        Answer answer = submit("application/json", latin1);

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, "POST", APPLICATIONS, "urn:sangam:problem:malformed-json");
        assertThat(answer.json().path("detail").asText()).contains("UTF-8");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        int before = applications();
        String body = Applications.domicile("G N Bhat").replaceFirst("\\{",
                "{\"serviceCode\": \"health-birth-registration\", ");

        Answer answer = submit("application/json", body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, "POST", APPLICATIONS, "urn:sangam:problem:malformed-json");
        assertThat(answer.json().path("detail").asText()).contains("serviceCode");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aNumberWrittenWithSpacesIsRefusedNamingTheParameter() {
        Answer answer = hub.get(SERVICES + "?page=%201", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer).path("field").asText()).isEqualTo("page");
        assertThat(error(answer).path("message").asText()).contains("plain digits");
    }

    @Test
    void aParameterGivenTwiceIsRefusedNamingIt() {
        Answer answer = hub.get(SERVICES + "?size=10&size=20", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer).path("field").asText()).isEqualTo("size");
        assertThat(error(answer).path("message").asText()).contains("multiple values");
    }

    @Test
    void aPercentEncodedPathParameterIsRefusedRatherThanReadTwoWays() {
        Answer answer = hub.raw(HttpRequest.newBuilder().GET(), SERVICES + "/revenue%2Ddomicile%2Dcertificate");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:non-canonical-path");
    }

    private Answer submit(String contentType, byte[] body) {
        return hub.raw(HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + hub.token("portal"))
                .header("Content-Type", contentType)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), APPLICATIONS);
    }

    private static void assertProblem(Answer answer, String method, String operationPath, String type) {
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo(type);
        ContractValidator.assertConforms(method, operationPath, answer.response());
    }

    private static JsonNode error(Answer answer) {
        return answer.json().path("errors").path(0);
    }

    private int applications() {
        return jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single();
    }
}
