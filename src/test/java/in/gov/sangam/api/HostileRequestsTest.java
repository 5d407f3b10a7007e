package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.security.EmbeddedAuthorizationServerProperties;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.ContractValidator;
import in.gov.sangam.support.HostileRequests;
import in.gov.sangam.support.HostileRequests.HostileRequest;
import in.gov.sangam.support.HubIntegrationTest;
import in.gov.sangam.support.SurveyRows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hundreds of hostile requests, generated from the contract (see {@link HostileRequests}), sent one after the other
 * to the whole hub. None may fail it (5xx); every refusal is a problem document the contract allows; and nothing is
 * stored or changed but what a 2xx answer accounts for: an application whose text is odd but valid, stored exactly
 * as sent.
 */
class HostileRequestsTest extends HubIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(HostileRequestsTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPARTMENT = "health";
    /** The operations whose contract takes HTTP Basic credentials, not a bearer token. */
    private static final Set<String> BASIC_ONLY = Set.of("receiveKannelReply");
    private static final String NO_SURVEY_NUMBER = "+919000000003";
    /** What XML cannot carry or what disguises text: control characters, lone surrogates, bidirectional overrides. */
    private static final Pattern UNSENDABLE =
            Pattern.compile("[\\p{Cc}\\p{Cs}\\x{FFFE}\\x{FFFF}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedAuthorizationServerProperties authorizationServer;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void hostileRequestsAreRefusedWithProblemsAndChangeNothing() throws Exception {
        Fixtures fixtures = fixtures();
        HostileRequests generator = new HostileRequests("openapi/portal-api.yaml", fixtures::value,
                Map.of("formData", JSON.readTree(Applications.domicile("x")).path("formData")));
        Map<String, Integer> baselineStatus = new HashMap<>();
        for (HostileRequest valid : generator.readBaselines()) {
            HttpResponse<String> answer = send(valid);
            int status = answer.statusCode();
            assertThat(status).as("the valid request of %s: %s", valid.operationId(), answer.body()).isEqualTo(200);
            baselineStatus.put(valid.operationId(), status);
        }
        // The valid replay names a dead letter replayed already: no hostile variant of it can replay anything.
        baselineStatus.put("replayDeadLetter", 409);
        Snapshot before = snapshot(fixtures, Set.of());

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> histogram = new TreeMap<>();
        // Applications created by text that is odd but valid (a name with quotes or an emoji), by what was sent.
        Map<String, String> created = new LinkedHashMap<>();
        int sent = 0;
        int unsendable = 0;
        for (HostileRequest request : generator.all()) {
            HttpResponse<String> response;
            try {
                response = send(request);
            } catch (IllegalArgumentException refusedByTheClient) {
                // java.net.http will not put some values (CR, LF, NUL) into a header: nothing went out.
                unsendable++;
                continue;
            }
            sent++;
            int status = response.statusCode();
            histogram.merge(status, 1, Integer::sum);
            String which = request.method() + " " + abbreviated(request.path()) + " [" + request.operationId() + ": "
                    + request.what() + "] -> " + status;
            check(request, response, baselineStatus, failures, which);
            LOG.debug(which);
            if (status / 100 == 2 && request.writes()) {
                JsonNode answer = JSON.readTree(response.body());
                if (status == 201 && answer.has("applicationId")
                        && response.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                    String body = new String(request.body(), StandardCharsets.UTF_8);
                    created.put(answer.path("applicationId").asText(), body);
                    if (holdsUnsendableText(JSON.readTree(body))) {
                        failures.add(which + ": an application holds text no department can be sent");
                    }
                } else if ((!answer.path("changed").isBoolean() || answer.path("changed").asBoolean())
                        && !answer.path("outcome").asText().equals("UNMATCHED")) {
                    failures.add(which + ": a hostile request changed something: " + abbreviated(response.body()));
                }
            }
        }

        LOG.info("Sent {} hostile requests ({} more java.net.http would not send); answers by status: {}", sent,
                unsendable, histogram);
        LOG.info("{} of them created an application with odd but valid text, each checked stored as sent",
                created.size());
        assertThat(sent).isGreaterThanOrEqualTo(500);
        assertThat(failures).as("%d of %d answers were wrong", failures.size(), sent).isEmpty();
        assertThat(snapshot(fixtures, created.keySet())).isEqualTo(before);
        for (Map.Entry<String, String> application : created.entrySet()) {
            assertStoredAsSent(application.getKey(), JSON.readTree(application.getValue()));
        }
    }

    private void check(HostileRequest request, HttpResponse<String> response, Map<String, Integer> baselineStatus,
            List<String> failures, String which) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(which + ": the hub failed: " + abbreviated(response.body()));
            return;
        }
        if (request.foreign() && status < 400) {
            failures.add(which + ": a client without the operation's scope was served");
        }
        if (request.asBaseline() && baselineStatus.containsKey(request.operationId())
                && status != baselineStatus.get(request.operationId())) {
            failures.add(which + ": a header posing as a parameter changed the answer from "
                    + baselineStatus.get(request.operationId()));
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(which + ": answered " + type + ", not a problem: " + abbreviated(response.body()));
                return;
            }
        }
        try {
            // A refusal against the operation the request aimed at (a problem for another path or method is its
            // default answer); an answer served against what was asked.
            boolean served = status < 400 && request.method().equals(request.contractMethod());
            ContractValidator.assertConforms(request.contractMethod(), served ? request.path() : request.contractPath(),
                    response);
        } catch (AssertionError broken) {
            failures.add(which + ": " + abbreviated(broken.getMessage()));
        }
    }

    private HttpResponse<String> send(HostileRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                // A bound on a hub that never answers, not a wait.
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String[] header : request.headers()) {
            builder.header(header[0], header[1]);
        }
        if (BASIC_ONLY.contains(request.operationId())) {
            // Kannel's call takes the gateway's HTTP Basic credentials; a bearer token, even a valid one, is foreign.
            builder.header("Authorization", request.foreign() ? "Bearer " + hub.token("portal")
                    : "Basic " + Base64.getEncoder().encodeToString("sms-gateway:sms-gateway-secret"
                            .getBytes(StandardCharsets.UTF_8)));
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
        String client = request.foreign() ? foreignClientFor(request.scopes()) : clientFor(request.scopes());
        if (client != null) {
            builder.header("Authorization", "Bearer " + hub.token(client));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A demo client holding a scope the operation accepts, an administrator last. An operation open to any token
     * is the departments' call-back today, so it gets the department's own.
     */
    private String clientFor(Set<String> scopes) {
        if (scopes == null) {
            return null;
        }
        Set<String> wanted = wanted(scopes);
        String admin = null;
        for (var client : authorizationServer.clients().entrySet()) {
            if (client.getValue().scopes().stream().anyMatch(wanted::contains)) {
                if (!client.getValue().scopes().contains("admin")) {
                    return client.getKey();
                }
                admin = client.getKey();
            }
        }
        return admin != null ? admin : "admin";
    }

    /** A demo client holding none of the scopes the operation accepts. */
    private String foreignClientFor(Set<String> scopes) {
        Set<String> wanted = wanted(scopes);
        for (var client : authorizationServer.clients().entrySet()) {
            List<String> held = client.getValue().scopes();
            if (!held.contains("admin") && held.stream().noneMatch(wanted::contains)) {
                return client.getKey();
            }
        }
        throw new IllegalStateException("Every demo client may call an operation that accepts " + scopes);
    }

    private static Set<String> wanted(Set<String> scopes) {
        return scopes.isEmpty() ? Set.of("department:" + DEPARTMENT) : scopes;
    }

    // ---- what exists before: applications in each department, a dead letter replayed already -------------------

    private record Fixtures(String revenue, String health, String education, String refused, long replayedLetter,
            String healthStatus, String healthReference, String surveyToken, String messageToken, String appealId) {

        /** The values a valid request needs, by parameter or field name; null where the contract's example serves. */
        String value(String name) {
            return switch (name) {
                case "Idempotency-Key" -> UUID.randomUUID().toString();
                case "applicationId" -> health;
                case "department" -> DEPARTMENT;
                case "serviceCode" -> "revenue-domicile-certificate";
                case "deadLetterId" -> String.valueOf(replayedLetter);
                // A status update that repeats the current status: valid, and changes nothing.
                case "status" -> healthStatus;
                case "departmentReference" -> healthReference;
                // A survey answered already: a rating by its link is refused (409), and changes nothing.
                case "surveyToken" -> surveyToken;
                case "messageToken" -> messageToken;
                // An appeal decided already: its evidence is served; a decision on it is refused (409), changing nothing.
                case "appealId" -> appealId;
                // A number no survey went to: a reply from it is taken and matches nothing.
                case "from" -> NO_SURVEY_NUMBER;
                default -> null;
            };
        }

        List<String> applications() {
            return List.of(revenue, health, education, refused);
        }
    }

    private Fixtures fixtures() {
        ApplicationRows rows = new ApplicationRows(jdbc);
        String revenue = submit(Applications.domicile("Ghulam Nabi Bhat"));
        String health = submit(Applications.forService(hub, "health-birth-registration"));
        String education = submit(Applications.forService(hub, "education-migration-certificate"));
        String refused = submit(Applications.forService(hub, "health-birth-registration")
                .replace("government-hospital", "home"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(revenue).equals("FORWARDED")
                && rows.status(health).equals("FORWARDED") && rows.status(education).equals("FORWARDED")
                && rows.deadLetterReason(refused) != null);
        long letter = jdbc.sql("SELECT id FROM dead_letter WHERE application_id = :id").param("id", refused)
                .query(Long.class).single();
        assertThat(hub.post("/api/v1/admin/dead-letters/" + letter + "/replay", "admin", null, "application/json", "")
                .status()).isEqualTo(202);
        // HMIS refuses it again: it comes back as a second dead letter, and the background is quiet again.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM dead_letter WHERE application_id = :id").param("id", refused)
                .query(Integer.class).single() == 2);
        String surveyToken = new SurveyRows(jdbc).survey(START).sentAt(START).delivery("DELIVERED")
                .rated("GOOD", "WEB", START).insert();
        String messageToken = jdbc.sql("SELECT message_token FROM feedback_survey WHERE token = :token")
                .param("token", surveyToken).query(String.class).single();
        String appealId = "APL-" + health.substring("SGM-".length()) + "-1";
        jdbc.sql("""
                INSERT INTO appeal (appeal_id, application_id, level, grounds, service_code, department, district,
                    authority, filed_at, decide_by, status, due_by, outcome, directions, decided_at, decided_by,
                    acknowledged_at)
                SELECT :appealId, application_id, 1, 'DELAY', service_code, department, applicant_district,
                    'Block Medical Officer', due_by, due_by, 'DISMISSED', due_by, 'DISMISSED', 'Delivered meanwhile.',
                    due_by, 'appellate', acknowledged_at
                FROM application WHERE application_id = :id""")
                .param("appealId", appealId).param("id", health).update();
        return new Fixtures(revenue, health, education, refused, letter, rows.status(health), rows.reference(health),
                surveyToken, messageToken, appealId);
    }

    private String submit(String body) {
        return hub.submit("portal", UUID.randomUUID().toString(), body).json().path("applicationId").asText();
    }

    // ---- what must not change -------------------------------------------------------------------------------

    /** Rows of the tables that matter, but those of applications the hostile requests created, and the fixtures. */
    private record Snapshot(long applications, long history, long outbox, long deadLetters,
            Map<String, String> fixtures, List<String> deadLetterStates) {
    }

    private Snapshot snapshot(Fixtures fixtures, Set<String> created) {
        Predicate<String> old = id -> id == null || !created.contains(id);
        Map<String, String> states = new LinkedHashMap<>();
        for (String id : fixtures.applications()) {
            states.put(id, jdbc.sql("""
                    SELECT status || '|' || COALESCE(department_reference, '') || '|' || applicant_name || '|'
                           || form_data || '|' || version FROM application WHERE application_id = :id""")
                    .param("id", id).query(String.class).single());
        }
        return new Snapshot(
                ids("SELECT application_id FROM application").stream().filter(old).count(),
                ids("SELECT application_id FROM application_history").stream().filter(old).count(),
                // What requests write there (the survey's SMS and notices go in by themselves, in the background).
                ids("SELECT aggregate_id FROM outbox_message WHERE message_type IN ('DispatchRequested', "
                        + "'ApplicationCompleted')").stream().filter(old).count(),
                ids("SELECT application_id FROM dead_letter").stream().filter(old).count(),
                states,
                jdbc.sql("SELECT application_id, id, replayed_at, attempts FROM dead_letter ORDER BY id")
                        .query((row, n) -> old.test(row.getString(1)) ? row.getLong(2) + "|" + row.getObject(3) + "|"
                                + row.getInt(4) : null)
                        .list().stream().filter(Objects::nonNull).toList());
    }

    private List<String> ids(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    /** An application a hostile but valid request created holds exactly the text it was sent. */
    private void assertStoredAsSent(String id, JsonNode sent) throws IOException {
        Map<String, Object> row = jdbc.sql("SELECT applicant_name, form_data FROM application WHERE application_id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("applicant_name")).as(id).isEqualTo(sent.path("applicant").path("name").asText());
        assertThat(JSON.readTree(String.valueOf(row.get("form_data")))).as(id).isEqualTo(sent.path("formData"));
    }

    private static boolean holdsUnsendableText(JsonNode node) {
        if (node.isTextual()) {
            return UNSENDABLE.matcher(node.asText()).find();
        }
        for (var fields = node.fields(); fields.hasNext();) {
            var field = fields.next();
            if (UNSENDABLE.matcher(field.getKey()).find() || holdsUnsendableText(field.getValue())) {
                return true;
            }
        }
        for (JsonNode element : node.isArray() ? node : JSON.createArrayNode()) {
            if (holdsUnsendableText(element)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }
}
