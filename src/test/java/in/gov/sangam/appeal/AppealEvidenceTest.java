package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import in.gov.sangam.notices.Channel;
import in.gov.sangam.notices.Notice;
import in.gov.sangam.notices.Notices;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HealthDepartment;
import in.gov.sangam.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An appeal's evidence record, as an authority outside the hub would check it: signed with the key the hub publishes,
 * its payload the very record shown, its timeline naming the days that did not count and why. The hub is one of its
 * own: the clock goes a week ahead for the sweep to file the appeal.
 */
class AppealEvidenceTest extends HubIntegrationTest {


    @DynamicPropertySource
    static void ownHubOfItsOwn(DynamicPropertyRegistry registry) {
        ownHub(registry);
    }

    @Autowired
    Notices notices;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper objectMapper;
    @Value("${sangam.appeal.evidence.signing-key}")
    Path signingKeyFile;

    @Test
    void anOverdueApplicationsEvidenceVerifiesWithThePublishedKeyAndExplainsEachDay() throws Exception {
        // A medical fitness certificate: 3 working days from Sunday 29 November 2026, 10:15:30 IST.
        String id = HealthDepartment.submit(hub, "health-medical-fitness-certificate");
        HealthDepartment.report(hub, id, "{\"status\": \"REG\"}");
        // With the citizen from Monday noon to Wednesday noon.
        clock.set(Instant.parse("2026-11-30T06:30:00Z"));
        HealthDepartment.report(hub, id, "{\"status\": \"RETURNED_TO_CITIZEN\", \"reason\": \"Upload the photograph.\"}");
        clock.set(Instant.parse("2026-12-02T06:30:00Z"));
        HealthDepartment.report(hub, id, "{\"status\": \"IN_PROCESS\"}");
        transaction.executeWithoutResult(status -> notices.request(new Notice("evidence-test:" + id, Channel.EMAIL,
                "fao.health@example.gov.in", "en", "First appeal filed", "An appeal was filed.", id)));
        // Monday 7 December, past the deadline (Friday 4 December, 10:15:30).
        clock.set(Instant.parse("2026-12-07T05:45:30Z"));
        String appealId = await().atMost(Duration.ofSeconds(30)).until(() -> appealOf(id), found -> found != null);

        Answer evidence = hub.get("/api/v1/appeals/" + appealId + "/evidence", "appellate");
        assertThat(evidence.status()).as(evidence.response().body()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(hub.call("GET", "/api/v1/appeals/keys", null, null).response().body());
        JWSObject jws = JWSObject.parse(evidence.json().path("jws").asText());
        ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());

        assertThat(jws.verify(new ECDSAVerifier(key))).as("verifies with the published key").isTrue();
        assertThat(jws.getHeader().getType().getType()).isEqualTo("appeal-evidence+json");
        JsonNode record = objectMapper.readTree(jws.getPayload().toBytes());
        assertThat(record).as("the payload is the record shown").isEqualTo(evidence.json().path("record"));
        assertThat(record.path("keyId").asText()).isEqualTo(key.getKeyID());
        assertThat(record.path("appeal").path("appealId").asText()).isEqualTo(appealId);
        assertThat(record.path("appeal").path("grounds").asText()).isEqualTo("DELAY");
        assertThat(record.path("application").path("dueBy").asText()).isEqualTo("2026-12-04T10:15:30+05:30");
        assertThat(record.path("timeline").path("dueBy").asText()).isEqualTo("2026-12-04T10:15:30+05:30");
        assertThat(record.toString()).as("no personal data").doesNotContain("applicant").doesNotContain("mobile")
                .doesNotContain("aadhaar");

        assertThat(explained(record)).containsExactly(
                "2026-11-29 not counted: acknowledged",
                "2026-11-30 day 1 of 3",
                "2026-12-01 not counted: clock stopped: with the citizen",
                "2026-12-02 not counted: clock stopped: with the citizen",
                "2026-12-03 day 2 of 3",
                "2026-12-04 day 3 of 3",
                "2026-12-05 day 4 of 3 (1 day past the deadline)",
                "2026-12-06 not counted: Sunday",
                "2026-12-07 day 5 of 3 (2 days past the deadline)");
        JsonNode pause = record.path("timeline").path("pauses").get(0);
        assertThat(pause.path("from").asText()).isEqualTo("2026-11-30T12:00:00+05:30");
        assertThat(pause.path("days").toString()).isEqualTo("[\"2026-11-30\",\"2026-12-01\",\"2026-12-02\"]");
        assertThat(record.path("history").findValuesAsText("status")).containsSubsequence("SUBMITTED",
                "FORWARDED", "RETURNED_TO_CITIZEN", "IN_PROCESS");
        assertThat(record.path("history").findValuesAsText("reason")).contains("Upload the photograph.");
        assertThat(record.path("outages").isArray()).isTrue();
        assertThat(record.path("notices").findValuesAsText("noticeKey")).contains("evidence-test:" + id);

        // A record changed on its way fails verification.
        String tampered = new String(jws.getPayload().toBytes(), StandardCharsets.UTF_8)
                .replace("\"grounds\":\"DELAY\"", "\"grounds\":\"DEFICIENT_SERVICE\"");
        assertThat(tampered).contains("DEFICIENT_SERVICE");
        String[] parts = evidence.json().path("jws").asText().split("\\.");
        JWSObject forged = JWSObject.parse(parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);
        assertThat(forged.verify(new ECDSAVerifier(key))).isFalse();

        // The key in the context's file is the key published: a restart reading the file signs with the same.
        ECKey reread = EvidenceSigningKey.load(signingKeyFile, false);
        assertThat(reread.toPublicJWK()).isEqualTo(key);
        JWSVerifier verifier = new ECDSAVerifier(reread.toECPublicKey());
        assertThat(JWSObject.parse(evidence.json().path("jws").asText()).verify(verifier)).isTrue();
    }

    @Test
    void anUnknownAppealIsNotFoundAndOnlyAuthoritiesAndAdministratorsReadEvidence() {
        Answer unknown = hub.get("/api/v1/appeals/APL-2026-9999999-1/evidence", "appellate");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asText()).contains("APL-2026-9999999-1");
        assertThat(hub.get("/api/v1/appeals/APL-2026-9999999-1/evidence", "admin").status()).isEqualTo(404);
        assertThat(hub.get("/api/v1/appeals/APL-2026-9999999-1/evidence", "portal").status()).isEqualTo(403);
        assertThat(hub.call("GET", "/api/v1/appeals/APL-2026-9999999-1/evidence", null, null).status())
                .isEqualTo(401);
        Answer keys = hub.call("GET", "/api/v1/appeals/keys", null, null);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().path("keys").get(0).has("d")).as("no private part").isFalse();
    }

    private static List<String> explained(JsonNode record) {
        List<String> days = new ArrayList<>();
        record.path("timeline").path("days").forEach(day -> days.add(day.path("date").asText() + " "
                + day.path("explanation").asText()));
        return days;
    }



    /** The application's first appeal's id, or null. */
    private String appealOf(String id) {
        JsonNode appeals = hub.get("/api/v1/applications/" + id, "admin").json().path("appeals");
        return appeals.isEmpty() ? null : appeals.get(0).path("appealId").asText();
    }
}
