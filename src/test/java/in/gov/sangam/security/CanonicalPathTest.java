package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One form of a path: every way of writing a path that security and routing might read differently is refused
 * before any route runs, for every operation, with a token that would be refused on the canonical path and with
 * the administrator's, and the application they aim at is left as it was.
 */
@Timeout(120)
class CanonicalPathTest extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTrailingSlashBypassNoLongerRejectsAnotherDepartmentsApplication() {
        String id = healthApplication();
        Answer answer = hub.raw(post(hub.token("dept-revenue"), rejection(id)),
                "/api/v1/departments/health/status-updates/");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:non-canonical-path");
        assertThat(answer.json().path("detail").asText()).contains("ends with '/'");
        // Dispatch may have taken it on meanwhile; the rejection must not have.
        assertThat(statusOf(id)).isIn("SUBMITTED", "FORWARDED");
    }

    @Test
    void everyNonCanonicalSpellingOfEveryOperationIsRefusedBeforeAnyRoute() {
        String id = healthApplication();
        Map<String, String> operations = new LinkedHashMap<>();
        operations.put("GET /api/v1/departments", null);
        operations.put("GET /api/v1/services", null);
        operations.put("GET /api/v1/services/health-birth-registration", null);
        operations.put("POST /api/v1/applications", Applications.forService(hub, "health-birth-registration"));
        operations.put("GET /api/v1/applications/" + id, null);
        operations.put("POST /api/v1/departments/health/status-updates", rejection(id));
        operations.put("GET /api/v1/admin/dead-letters", null);
        operations.put("POST /api/v1/admin/dead-letters/1/replay", null);
        operations.put("GET /api/v1/admin/audit", null);
        operations.put("POST /api/v1/admin/audit/verification", null);
        int applicationsBefore = applicationCount();
        SoftAssertions softly = new SoftAssertions();
        int tried = 0;

        for (Map.Entry<String, String> operation : operations.entrySet()) {
            String method = operation.getKey().substring(0, operation.getKey().indexOf(' '));
            String path = operation.getKey().substring(method.length() + 1);
            for (String variant : variants(path)) {
                for (String client : List.of("dept-revenue", "admin")) {
                    Answer answer = hub.raw(request(method, hub.token(client), operation.getValue()), variant);
                    String what = method + " " + variant + " by " + client + " answered " + answer.status() + " "
                            + answer.response().body();
                    softly.assertThat(answer.status()).as(what).isIn(400, 404);
                    softly.assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
                    tried++;
                }
            }
        }

        softly.assertAll();
        assertThat(tried).isGreaterThanOrEqualTo(200);
        // Dispatch may have taken it on meanwhile; the rejection must not have.
        assertThat(statusOf(id)).isIn("SUBMITTED", "FORWARDED");
        assertThat(applicationCount()).isEqualTo(applicationsBefore);
    }

    @Test
    void aPathDifferingOnlyInCaseNamesTheContractsSpelling() {
        Answer answer = hub.raw(request("GET", null, null), "/api/v1/Services");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("/api/v1/services");
    }

    @Test
    void anUnknownPathIsNotFoundAndAWrongMethodIsNotAllowed() {
        Answer unknown = hub.raw(request("GET", hub.token("admin"), null), "/api/v1/citizens");
        Answer wrongMethod = hub.raw(request("DELETE", hub.token("admin"), null), "/api/v1/services");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:sangam:problem:not-found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
    }

    @Test
    void headIsNotReadAsGetAndNoRequestHeaderIsEchoed() {
        String id = healthApplication();
        String token = hub.token("portal");

        Answer head = hub.raw(request("HEAD", token, null).header("X-Probe", "echo-me"), "/api/v1/applications/" + id);

        assertThat(head.status()).isEqualTo(405);
        assertThat(head.header("Allow")).isEqualTo("GET");
        assertThat(head.response().headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-Probe")
                || name.equalsIgnoreCase("Authorization") || name.toLowerCase().startsWith("sangam-client"));
    }

    @Test
    void aMalformedEscapeInTheQueryIsABadRequestNotAnError() throws IOException {
        // A malformed name is no parameter of the operation and is ignored like any unknown one; a value is refused.
        for (String query : List.of("?page=%zz", "?size=1%", "?department=%zz")) {
            // Sent over a plain socket: java.net.URI refuses to build such a request at all.
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET /api/v1/services" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(answer).as(query).startsWith("HTTP/1.1 400");
                assertThat(answer).as(query).containsIgnoringCase("Content-Type: application/problem+json");
            }
        }
    }

    @Test
    void aDirectCallOfTheErrorPageFindsNothing() {
        Answer answer = hub.raw(request("GET", null, null), "/error");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Every way of writing a path that one matcher may read as the canonical one and another may not. */
    static List<String> variants(String path) {
        List<String> variants = new ArrayList<>();
        String[] segments = path.substring(1).split("/");
        String last = segments[segments.length - 1];
        variants.add(path + "/");
        variants.add(path + "//");
        variants.add(path.toUpperCase());
        variants.add(path.replace("/api/v1/", "/API/v1/"));
        variants.add(path.replace("/api/v1/", "/api/V1/"));
        variants.add(path.replace("/api/v1/" + segments[2], "/api/v1/" + capitalised(segments[2])));
        variants.add(path.replace("/api/v1/", "/api/v1//"));
        variants.add(path.replace("/api/", "//api/"));
        variants.add(path.replace("/api/", "/%61pi/"));
        variants.add(path + ";jsessionid=x");
        variants.add(path.replace("/api/v1/", "/api/v1;x=1/"));
        variants.add(path.replace("/v1/", "/v1/%2F"));
        variants.add(path.replace("/api/v1/", "/api%2Fv1/"));
        variants.add(path.replace("/api/v1/", "/api/v1/%2e/"));
        variants.add(path.replace("/api/v1/", "/api/v1/x/%2e%2e/"));
        variants.add(path.replace("/api/v1/", "/api/v1/./"));
        variants.add(path.replace("/api/v1/", "/api/v1/x/../"));
        variants.add(path.replace("/api/v1/", "/api/v1/%5C"));
        variants.add(path.substring(0, path.length() - last.length()) + "%" + Integer.toHexString(last.charAt(0))
                + last.substring(1));
        return variants;
    }

    private static String capitalised(String segment) {
        return Character.toUpperCase(segment.charAt(0)) + segment.substring(1);
    }

    private String healthApplication() {
        Answer submitted = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration"));
        return submitted.json().path("applicationId").asText();
    }

    private String statusOf(String id) {
        return hub.get("/api/v1/applications/" + id, "admin").json().path("status").asText();
    }

    private int applicationCount() {
        return jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single();
    }

    private static String rejection(String id) {
        return "{\"applicationId\": \"" + id + "\", \"status\": \"REJ\", \"reason\": \"walked around\"}";
    }

    private static HttpRequest.Builder post(String token, String body) {
        return request("POST", token, body);
    }

    private static HttpRequest.Builder request(String method, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder().method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Idempotency-Key", UUID.randomUUID().toString());
        return request;
    }
}
