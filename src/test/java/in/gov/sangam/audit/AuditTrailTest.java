package in.gov.sangam.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.api.Caller;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every change leaves one audit entry naming who made it and through which channel, written with the change or not
 * at all; the trail is read and verified by administrators only. Runs on the shared hub, so it never tampers with
 * the trail (see {@link AuditTamperingTest} for that).
 */
class AuditTrailTest extends HubIntegrationTest {

    private static final String AUDIT = "/api/v1/admin/audit";
    private static final String VERIFY = "/api/v1/admin/audit/verification";
    private static final String HEALTH_CALLBACK = "/api/v1/departments/health/status-updates";
    private static final String REVENUE_SERVICE = "/revenue/services/ApplicationService";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    AuditTrail trail;

    ApplicationRows rows;

    @BeforeEach
    void rows() {
        rows = new ApplicationRows(jdbc);
    }

    @Test
    void aSubmissionAndItsDispatchEachLeaveAnEntryNamingWhoAndHow() {
        String id = submit(Applications.domicile("Ghulam Nabi Bhat"));
        await().atMost(Duration.ofSeconds(20)).until(() -> entriesOf(id).size() == 2);

        List<JsonNode> entries = entriesOf(id);
        JsonNode submitted = entries.get(0);
        assertThat(submitted.path("action").asText()).isEqualTo("APPLICATION_SUBMITTED");
        assertThat(submitted.path("clientId").asText()).isEqualTo("portal");
        assertThat(submitted.path("channel").asText()).isEqualTo("portal");
        assertThat(submitted.path("department").asText()).isEqualTo("revenue");
        assertThat(submitted.has("statusBefore")).isFalse();
        assertThat(submitted.path("statusAfter").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("detail").asText()).isEqualTo("service revenue-domicile-certificate");
        assertThat(submitted.path("at").asText()).isEqualTo("2026-11-29T10:15:30+05:30");

        JsonNode forwarded = entries.get(1);
        assertThat(forwarded.path("action").asText()).isEqualTo("STATUS_CHANGED");
        assertThat(forwarded.path("clientId").asText()).isEqualTo("hub");
        assertThat(forwarded.path("channel").asText()).isEqualTo("dispatch");
        assertThat(forwarded.path("statusBefore").asText()).isEqualTo("SUBMITTED");
        assertThat(forwarded.path("statusAfter").asText()).isEqualTo("FORWARDED");
        assertThat(forwarded.path("detail").asText()).isEqualTo("reported as RECEIVED");
        assertThat(forwarded.path("sequence").asLong()).isGreaterThan(submitted.path("sequence").asLong());
    }

    @Test
    void aCallbackIsRecordedWithTheVerifiedClientOfTheDepartment() {
        String id = forwardedBirthRegistration();

        assertThat(report("dept-health", id, "SCR", "Called the applicant on " + Applications.MOBILE).status())
                .isEqualTo(200);
        assertThat(report("admin", id, "QRY", null).status()).isEqualTo(200);

        List<JsonNode> entries = entriesOf(id);
        JsonNode byDepartment = entries.get(entries.size() - 2);
        assertThat(byDepartment.path("clientId").asText()).isEqualTo("dept-health");
        assertThat(byDepartment.path("channel").asText()).isEqualTo("callback");
        assertThat(byDepartment.path("statusBefore").asText()).isEqualTo("FORWARDED");
        assertThat(byDepartment.path("statusAfter").asText()).isEqualTo("IN_PROCESS");
        assertThat(byDepartment.path("detail").asText()).isEqualTo("reported as SCR");
        JsonNode byAdministrator = entries.get(entries.size() - 1);
        assertThat(byAdministrator.path("clientId").asText()).isEqualTo("admin");
        assertThat(byAdministrator.path("statusAfter").asText()).isEqualTo("RETURNED_TO_CITIZEN");
    }

    @Test
    void aStatusFoundByPollingIsTheHubsOwnWork() {
        String id = submit(Applications.domicile("Polled For"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));
        String reference = rows.reference(id);

        StubMapping verifying = simulators.server("revenue").stubFor(post(urlPathEqualTo(REVENUE_SERVICE))
                .atPriority(1)
                .withHeader("SOAPAction", containing("GetApplicationStatus"))
                .withRequestBody(matchingXPath("//*[local-name()='caseNumber'][text()='" + reference + "']"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                                + "<soapenv:Body><rev:GetApplicationStatusResponse "
                                + "xmlns:rev=\"urn:jk:revenue:applications:v1\"><rev:case><rev:caseNumber>"
                                + reference + "</rev:caseNumber><rev:statusCode>UNDER_VERIFICATION</rev:statusCode>"
                                + "<rev:remark>With the Patwari.</rev:remark></rev:case>"
                                + "</rev:GetApplicationStatusResponse></soapenv:Body></soapenv:Envelope>")));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("IN_PROCESS"));
        } finally {
            simulators.server("revenue").removeStub(verifying);
        }

        JsonNode polled = last(entriesOf(id));
        assertThat(polled.path("clientId").asText()).isEqualTo("hub");
        assertThat(polled.path("channel").asText()).isEqualTo("poll");
        assertThat(polled.path("statusBefore").asText()).isEqualTo("FORWARDED");
        assertThat(polled.path("statusAfter").asText()).isEqualTo("IN_PROCESS");
        assertThat(polled.path("detail").asText()).isEqualTo("reported as UNDER_VERIFICATION");
    }

    @Test
    void aStatusReadFromAResultFileIsTheHubsOwnWork() throws IOException {
        String id = submit(Applications.forService(hub, "education-migration-certificate"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED"));
        Path outbox = simulators.sftpRoot("education").resolve("outbox");
        Path temporary = outbox.resolve(".writing-audit-" + id + ".csv");
        Files.write(temporary, List.of("hub_ref,board_ref,status,remark,reason", id + ",,PROCESSING,,"),
                StandardCharsets.UTF_8);
        Files.move(temporary, outbox.resolve("results-audit-" + id + ".csv"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("IN_PROCESS"));

        List<JsonNode> entries = entriesOf(id);
        assertThat(entries).extracting(entry -> entry.path("channel").asText())
                .containsExactly("portal", "result-file", "result-file");
        JsonNode processing = last(entries);
        assertThat(processing.path("clientId").asText()).isEqualTo("hub");
        assertThat(processing.path("statusBefore").asText()).isEqualTo("FORWARDED");
        assertThat(processing.path("statusAfter").asText()).isEqualTo("IN_PROCESS");
    }

    @Test
    void aChangeThatIsRefusedOrChangesNothingLeavesNoEntry() {
        String id = forwardedBirthRegistration();
        int before = entriesOf(id).size();
        trail.sealCommitted();
        long trailBefore = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE application_id = :id").param("id", id)
                .query(Long.class).single();

        assertThat(report("dept-health", id, "SUBMITTED", null).status()).isEqualTo(409);
        assertThat(report("dept-health", id, "REG", null).json().path("changed").asBoolean()).isFalse();
        assertThat(report("dept-health", id, "TELEPORTED", null).status()).isEqualTo(400);

        assertThat(entriesOf(id)).hasSize(before);
        trail.sealCommitted();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE application_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(trailBefore);
        assertThat(rows.historySize(id)).isEqualTo(2);
    }

    @Test
    void aRefusedDispatchAndAnAdministratorsReplayAreRecorded() {
        String id = submit(Applications.forService(hub, "health-birth-registration")
                .replace("government-hospital", "home"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.deadLetterReason(id) != null);
        long letter = jdbc.sql("SELECT id FROM dead_letter WHERE application_id = :id").param("id", id)
                .query(Long.class).single();

        JsonNode failed = last(entriesOf(id));
        assertThat(failed.path("action").asText()).isEqualTo("DISPATCH_FAILED");
        assertThat(failed.path("clientId").asText()).isEqualTo("hub");
        assertThat(failed.path("channel").asText()).isEqualTo("dispatch");
        assertThat(failed.path("department").asText()).isEqualTo("health");
        assertThat(failed.path("detail").asText()).isEqualTo("refused by the department; dead letter " + letter);

        StubMapping fixed = simulators.server("health").stubFor(post(urlPathEqualTo("/hmis/api/v2/registrations"))
                .atPriority(1).withRequestBody(matchingJsonPath("$.hub_ref", containing(id)))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"ack_no\": \"HLT/HOME/" + id + "\", \"status_cd\": \"REG\"}")));
        try {
            assertThat(hub.post("/api/v1/admin/dead-letters/" + letter + "/replay", "admin", null,
                    "application/json", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));
        } finally {
            simulators.server("health").removeStub(fixed);
        }

        List<JsonNode> entries = entriesOf(id);
        assertThat(entries).extracting(entry -> entry.path("action").asText()).containsExactly(
                "APPLICATION_SUBMITTED", "DISPATCH_FAILED", "DEAD_LETTER_REPLAYED", "STATUS_CHANGED");
        JsonNode replayed = entries.get(2);
        assertThat(replayed.path("clientId").asText()).isEqualTo("admin");
        assertThat(replayed.path("channel").asText()).isEqualTo("operator");
        assertThat(replayed.path("detail").asText()).isEqualTo("dead letter " + letter + " (dispatch)");
    }

    @Test
    void theTrailVerifiesAsIntactAndAKeptHeadStaysValidAsItGrows() {
        submit(Applications.domicile("Verified"));

        Answer first = hub.post(VERIFY, "admin", null, "application/json", "");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("intact").asBoolean()).as(first.json().toString()).isTrue();
        long head = first.json().path("headSequence").asLong();
        assertThat(first.json().path("entriesChecked").asLong()).isEqualTo(head).isPositive();
        assertThat(first.json().has("firstBrokenSequence")).isFalse();
        String headHash = first.json().path("headHash").asText();
        assertThat(jdbc.sql("SELECT hash FROM audit_entry WHERE sequence = :s").param("s", head)
                .query(String.class).single()).isEqualTo(headHash);

        submit(Applications.domicile("Verified Again"));
        Answer later = hub.post(VERIFY, "admin", null, "application/json",
                "{\"expectedHeadSequence\": " + head + ", \"expectedHeadHash\": \"" + headHash + "\"}");

        assertThat(later.json().path("intact").asBoolean()).as(later.json().toString()).isTrue();
        assertThat(later.json().path("headSequence").asLong()).isGreaterThan(head);
    }

    @Test
    void changesMadeAtOnceAreChainedOneAfterAnother() throws Exception {
        String body = Applications.forService(hub, "health-birth-registration");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<String>> submissions = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                submissions.add(callers.submit(() -> submit(body)));
            }
            for (Future<String> submission : submissions) {
                submission.get();
            }
            trail.sealCommitted();
            for (Future<String> submission : submissions) {
                String id = submission.get();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE application_id = :id"
                        + " AND action = 'APPLICATION_SUBMITTED'").param("id", id).query(Integer.class).single())
                        .isEqualTo(1);
            }
        } finally {
            callers.shutdown();
        }

        JsonNode verification = hub.post(VERIFY, "admin", null, "application/json", "").json();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void theTrailIsReadOldestFirstByApplicationTimeAndPage() {
        Instant later = START.plus(Duration.ofDays(40));
        clock.set(later);
        String id = submit(Applications.domicile("Read By Time"));
        await().atMost(Duration.ofSeconds(20)).until(() -> entriesOf(id).size() == 2);

        String window = "&from=" + encode("2027-01-08T10:15:30+05:30") + "&to=" + encode("2027-01-08T10:15:31+05:30");
        Answer inWindow = hub.get(AUDIT + "?applicationId=" + id + window, "admin");
        Answer before = hub.get(AUDIT + "?applicationId=" + id + "&to=" + encode("2027-01-08T10:15:30+05:30"),
                "admin");
        Answer secondPage = hub.get(AUDIT + "?applicationId=" + id + "&page=2&size=1", "admin");

        assertThat(inWindow.json().path("total").asLong()).isEqualTo(2);
        assertThat(before.json().path("total").asLong()).isZero();
        assertThat(before.json().path("items")).isEmpty();
        assertThat(secondPage.json().path("total").asLong()).isEqualTo(2);
        assertThat(secondPage.json().path("page").asInt()).isEqualTo(2);
        assertThat(secondPage.json().path("items")).hasSize(1);
        assertThat(secondPage.json().path("items").get(0).path("statusAfter").asText()).isEqualTo("FORWARDED");
        Answer everything = hub.get(AUDIT + "?size=100", "admin");
        List<Long> sequences = new ArrayList<>();
        everything.json().path("items").forEach(entry -> sequences.add(entry.path("sequence").asLong()));
        assertThat(sequences).isSorted().first().isEqualTo(1L);
    }

    @Test
    void noEntryHoldsACitizensNameMobileOrAadhaar() {
        String id = forwardedBirthRegistration();
        report("dept-health", id, "QRY", "Aisha Bhat must bring Aadhaar " + Applications.AADHAAR + " and "
                + Applications.MOBILE);
        hub.post(HEALTH_CALLBACK, "dept-health", null, "application/json", """
                {"applicationId": "%s", "status": "REJ", "reason": "Aadhaar %s of Aisha Bhat (9876543210) is not hers"}
                """.formatted(id, Applications.AADHAAR));
        assertThat(rows.status(id)).isEqualTo("REJECTED");

        trail.sealCommitted();
        List<String> rowsAsText = jdbc.sql("SELECT * FROM audit_entry").query((rs, row) -> {
            StringBuilder text = new StringBuilder();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                text.append(rs.getString(column)).append('|');
            }
            return text.toString();
        }).list();
        assertThat(rowsAsText).hasSizeGreaterThan(3).noneMatch(row -> row.contains("9876543210")
                || row.contains(Applications.AADHAAR) || row.contains("Aisha") || row.contains("Bhat"));
    }

    @Test
    void onlyAdministratorsReadOrVerifyTheTrail() {
        assertThat(hub.get(AUDIT, "portal").status()).isEqualTo(403);
        assertThat(hub.get(AUDIT, "dept-health").status()).isEqualTo(403);
        assertThat(hub.get(AUDIT, null).status()).isEqualTo(401);
        assertThat(hub.post(VERIFY, "portal", null, "application/json", "{}").status()).isEqualTo(403);

        // The scopes the operation checks come from the token, never from what the caller sends.
        HttpRequest.Builder forged = HttpRequest.newBuilder().GET()
                .header("Authorization", "Bearer " + hub.token("admin"))
                .header(Caller.SCOPES_HEADER, "portal");
        assertThat(hub.raw(forged, AUDIT).status()).isEqualTo(200);
    }

    @Test
    void theOperationsCheckTheAdminScopeThemselvesToo() {
        for (String operation : List.of("direct:listAuditEntries", "direct:verifyAuditTrail")) {
            Exchange withoutAdmin = camel.request(operation,
                    exchange -> exchange.getMessage().setHeader(Caller.SCOPES_HEADER, "portal department:health"));
            Exchange withoutScopes = camel.request(operation, exchange -> { });

            for (Exchange refused : List.of(withoutAdmin, withoutScopes)) {
                assertThat(refused.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(403);
                assertThat(refused.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/problem+json");
                assertThat(refused.getMessage().getBody(String.class))
                        .contains("\"type\":\"urn:sangam:problem:forbidden\"")
                        .contains("This operation needs the scope 'admin'.");
            }
        }
    }

    @Test
    void anEntryIsChainedMomentsAfterItsCommitWithoutAnyoneReadingTheTrail() {
        String id = submit(Applications.domicile("Sealed Unasked"));

        // Read straight from the database: reading through the hub would chain it there and then.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM audit_entry WHERE application_id = :id AND action = 'APPLICATION_SUBMITTED'")
                .param("id", id).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_pending WHERE application_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anEntryLeftWaitingByANodeThatDiedIsChainedByTheNextPass() {
        // What a node leaves when it dies between its change's commit and the sealing that commit woke.
        String detail = "left waiting " + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO audit_pending (recorded_at, client_id, action, channel, detail)
                VALUES (CURRENT_TIMESTAMP, 'admin', 'DEAD_LETTER_REPLAYED', 'operator', :detail)""")
                .param("detail", detail).update();

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM audit_entry WHERE detail = :detail").param("detail", detail)
                .query(Integer.class).single() == 1);
        JsonNode verification = hub.post(VERIFY, "admin", null, "application/json", "").json();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    private String submit(String body) {
        Answer answer = hub.submit("portal", UUID.randomUUID().toString(), body);
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }

    /** A birth registration that HMIS's simulator took: FORWARDED by the answer to its dispatch. */
    private String forwardedBirthRegistration() {
        String id = submit(Applications.forService(hub, "health-birth-registration"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));
        return id;
    }

    private Answer report(String client, String id, String status, String remark) {
        String body = "{\"applicationId\": \"" + id + "\", \"status\": \"" + status + "\""
                + (remark == null ? "" : ", \"remark\": \"" + remark + "\"") + "}";
        return hub.post(HEALTH_CALLBACK, client, null, "application/json", body);
    }

    private List<JsonNode> entriesOf(String id) {
        List<JsonNode> entries = new ArrayList<>();
        hub.get(AUDIT + "?applicationId=" + id + "&size=100", "admin").json().path("items").forEach(entries::add);
        return entries;
    }

    private static JsonNode last(List<JsonNode> entries) {
        return entries.get(entries.size() - 1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
