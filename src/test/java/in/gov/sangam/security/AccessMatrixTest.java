package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.ForgedTokens;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every operation of the contract × every kind of caller: each demo client, no token, an expired token and a token
 * signed by another key, each getting the answer the contract documents. The expected table is written out here,
 * not derived from the contract, so a wrong {@code security} declaration in the contract fails this test too.
 */
@Timeout(120)
class AccessMatrixTest extends HubIntegrationTest {

    private static final List<String> DEMO_CLIENTS = List.of("portal", "mobile-app", "dept-revenue", "dept-health",
            "dept-education", "admin", "sms-gateway", "appellate");
    private static final String NO_TOKEN = "(no token)";
    private static final String EXPIRED = "(expired token)";
    private static final String FOREIGN = "(token signed by another key)";

    /** Who may call each operation; {@code null} means anyone, with or without a token. */
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("listDepartments", null);
        ALLOWED.put("listServices", null);
        ALLOWED.put("getService", null);
        ALLOWED.put("submitApplication", Set.of("portal", "mobile-app", "admin"));
        ALLOWED.put("getApplication", Set.of("portal", "mobile-app", "dept-revenue", "dept-health",
                "dept-education", "admin"));
        ALLOWED.put("reportStatusUpdate", Set.of("dept-health", "admin"));
        ALLOWED.put("listDeadLetters", Set.of("admin"));
        ALLOWED.put("replayDeadLetter", Set.of("admin"));
        ALLOWED.put("listAuditEntries", Set.of("admin"));
        ALLOWED.put("verifyAuditTrail", Set.of("admin"));
        ALLOWED.put("getReconciliation", Set.of("admin"));
        // As admin this reloads the shared hub's own folders, unchanged: every connector keeps running.
        ALLOWED.put("reloadCatalogue", Set.of("admin"));
        ALLOWED.put("rateService", null);
        ALLOWED.put("getFeedbackSummary", Set.of("admin"));
        ALLOWED.put("receiveSmsReply", Set.of("sms-gateway"));
        // HTTP Basic only (Kannel's call): no bearer token opens it, not even the gateway's own.
        ALLOWED.put("receiveKannelReply", Set.of());
        ALLOWED.put("reportSmsDelivery", null);
        ALLOWED.put("listAppeals", Set.of("appellate", "admin"));
        ALLOWED.put("getAppealSummary", null);
        // An appeal that does not exist: 404 for those let in, and nothing decided.
        ALLOWED.put("decideAppeal", Set.of("appellate", "admin"));
        // An appeal that does not exist: 404 for those let in.
        ALLOWED.put("getAppealEvidence", Set.of("appellate", "admin"));
        ALLOWED.put("getEvidenceKeys", null);
    }

    /**
     * What a public operation answers when it is not 200: one whose key is a token in the path answers an unknown
     * token 404, to every caller alike.
     */
    private static final Map<String, Integer> PUBLIC_ANSWERS = Map.of("rateService", 404, "reportSmsDelivery", 404);

    /**
     * Among those the contract lets in, which see this application (submitted by the portal, for health): the
     * others get 404, as for an id that does not exist.
     */
    private static final Map<String, Integer> READING_THE_PORTALS_HEALTH_APPLICATION = Map.of(
            "portal", 200, "mobile-app", 404, "dept-health", 200, "dept-revenue", 404, "dept-education", 404,
            "admin", 200);

    @Autowired
    JWKSource<SecurityContext> hubSigningKey;

    private String healthApplication;

    @BeforeEach
    void submitOne() {
        Answer submitted = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration"));
        assertThat(submitted.status()).isEqualTo(201);
        healthApplication = submitted.json().path("applicationId").asText();
    }

    @Test
    void theTableCoversEveryOperationOfTheContract() {
        Set<String> operations = new TreeSet<>();
        new OpenAPIV3Parser().read("openapi/portal-api.yaml").getPaths().values()
                .forEach(item -> item.readOperations().forEach(operation -> operations.add(operation.getOperationId())));

        assertThat(operations).isEqualTo(new TreeSet<>(ALLOWED.keySet()));
    }

    @Test
    void everyOperationAnswersEveryCallerAsDocumented() {
        Map<String, String> tokens = new LinkedHashMap<>();
        DEMO_CLIENTS.forEach(client -> tokens.put(client, hub.token(client)));
        tokens.put(NO_TOKEN, null);
        tokens.put(EXPIRED, ForgedTokens.expired(hubSigningKey));
        tokens.put(FOREIGN, ForgedTokens.signedByAnotherKey());
        SoftAssertions softly = new SoftAssertions();

        ALLOWED.forEach((operation, allowed) -> tokens.forEach((caller, token) -> {
            Answer answer = call(operation, token);
            String what = operation + " by " + caller + " answered " + answer.status() + " " + answer.response().body();
            if (allowed == null) {
                softly.assertThat(answer.status()).as(what).isEqualTo(PUBLIC_ANSWERS.getOrDefault(operation, 200));
            } else if (allowed.contains(caller)) {
                int expected = operation.equals("getApplication") ? READING_THE_PORTALS_HEALTH_APPLICATION.get(caller)
                        : -1;
                if (expected > 0) {
                    softly.assertThat(answer.status()).as(what).isEqualTo(expected);
                } else {
                    softly.assertThat(answer.status()).as(what).isNotIn(401, 403).isLessThan(500);
                }
            } else if (DEMO_CLIENTS.contains(caller)) {
                softly.assertThat(answer.status()).as(what).isEqualTo(403);
                softly.assertThat(answer.json().path("type").asText()).as(what)
                        .isEqualTo("urn:sangam:problem:forbidden");
            } else {
                softly.assertThat(answer.status()).as(what).isEqualTo(401);
                softly.assertThat(answer.header("WWW-Authenticate")).as(what)
                        .startsWith(operation.equals("receiveKannelReply") ? "Basic" : "Bearer");
            }
        }));
        softly.assertAll();
    }

    @Test
    void aForbiddenAnswerNamesTheScopesThatWouldOpenTheOperation() {
        Answer answer = hub.call("POST", "/api/v1/departments/health/status-updates", hub.token("dept-revenue"),
                "{\"applicationId\": \"" + healthApplication + "\", \"status\": \"REJ\", \"reason\": \"x\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("detail").asText()).contains("'department:health'").contains("'admin'");
        assertThat(hub.get("/api/v1/applications/" + healthApplication, "admin").json().path("status").asText())
                .isNotEqualTo("REJECTED");
    }

    /** One call of the operation, with input that changes nothing even when it is let in. */
    private Answer call(String operation, String token) {
        return switch (operation) {
            case "listDepartments" -> hub.call("GET", "/api/v1/departments", token, null);
            case "listServices" -> hub.call("GET", "/api/v1/services", token, null);
            case "getService" -> hub.call("GET", "/api/v1/services/health-birth-registration", token, null);
            case "submitApplication" -> hub.call("POST", "/api/v1/applications", token, "{}");
            case "getApplication" -> hub.call("GET", "/api/v1/applications/" + healthApplication, token, null);
            case "reportStatusUpdate" -> hub.call("POST", "/api/v1/departments/health/status-updates", token, "{}");
            case "listDeadLetters" -> hub.call("GET", "/api/v1/admin/dead-letters", token, null);
            case "replayDeadLetter" -> hub.call("POST", "/api/v1/admin/dead-letters/999999999/replay", token, null);
            case "listAuditEntries" -> hub.call("GET", "/api/v1/admin/audit", token, null);
            case "verifyAuditTrail" -> hub.call("POST", "/api/v1/admin/audit/verification", token, null);
            case "getReconciliation" -> hub.call("GET", "/api/v1/admin/reconciliation", token, null);
            case "reloadCatalogue" -> hub.call("POST", "/api/v1/admin/catalogue/reload", token, null);
            case "rateService" -> hub.call("POST", "/api/v1/feedback/AAAAAAAAAAAAAAAA", token,
                    "{\"rating\": \"GOOD\"}");
            case "getFeedbackSummary" -> hub.call("GET", "/api/v1/feedback/summary", token, null);
            // A reply from a number with no survey: taken, and nothing changes.
            case "receiveSmsReply" -> hub.call("POST", "/api/v1/feedback/sms-replies", token,
                    "{\"from\": \"919000000002\", \"text\": \"hello\"}");
            case "receiveKannelReply" -> hub.call("GET", "/api/v1/feedback/sms-replies/kannel?from=919000000002&text=x",
                    token, null);
            case "listAppeals" -> hub.call("GET", "/api/v1/appeals", token, null);
            case "getAppealSummary" -> hub.call("GET", "/api/v1/appeals/summary", token, null);
            case "decideAppeal" -> hub.call("POST", "/api/v1/appeals/APL-2026-9999999-1/decision", token,
                    "{\"outcome\": \"DISMISSED\", \"directions\": \"None.\"}");
            case "getAppealEvidence" -> hub.call("GET", "/api/v1/appeals/APL-2026-9999999-1/evidence", token, null);
            case "getEvidenceKeys" -> hub.call("GET", "/api/v1/appeals/keys", token, null);
            case "reportSmsDelivery" -> hub.call("GET", "/api/v1/feedback/sms-deliveries/AAAAAAAAAAAAAAAA?type=1",
                    token, null);
            default -> throw new IllegalArgumentException("No sample call for " + operation);
        };
    }
}
