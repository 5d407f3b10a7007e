package in.gov.sangam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with access to the database changes, removes or inserts audit entries behind the hub's back: verification
 * names the first entry that no longer holds. Runs on a hub of its own, so that no other test ever sees a trail
 * tampered with; each test puts back what it broke, and the trail must verify again after it.
 */
class AuditTamperingTest {

    private static final String VERIFY = "/api/v1/admin/audit/verification";
    private static final String HEALTH_CALLBACK = "/api/v1/departments/health/status-updates";

    @TempDir
    static Path dataDir;

    static HubProcess hub;
    static HubClient client;
    static JdbcClient jdbc;

    @BeforeAll
    static void aTrailOfSomeLength() {
        // Nothing is sent to the departments, so the only entries are the ones the tests make.
        hub = HubProcess.start(dataDir, "sangam.connectors.dispatch-enabled=false");
        client = hub.client();
        jdbc = hub.bean(JdbcClient.class);
        for (int i = 0; i < 5; i++) {
            String id = submit();
            assertThat(report(id, "REG").status()).isEqualTo(200);
            assertThat(report(id, "SCR").status()).isEqualTo(200);
        }
        assertThat(head()).isEqualTo(15);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @AfterEach
    void theTrailHoldsAgain() {
        JsonNode verification = verify("");
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("headSequence").asLong()).isEqualTo(head());
    }

    @Test
    void aChangedEntryIsNamed() {
        AuditEntry original = entry(5);
        jdbc.sql("UPDATE audit_entry SET status_after = 'DELIVERED' WHERE sequence = 5").update();
        try {
            JsonNode changed = verify("");

            assertThat(changed.path("intact").asBoolean()).isFalse();
            assertThat(changed.path("firstBrokenSequence").asLong()).isEqualTo(5);
            assertThat(changed.path("problem").asText()).startsWith("Entry 5 no longer matches its hash");
            assertThat(changed.path("entriesChecked").asLong()).isEqualTo(5);

            // Whoever also rewrites the entry's hash breaks the link to the entry after it.
            AuditEntry rewritten = entry(5).sealed();
            jdbc.sql("UPDATE audit_entry SET hash = :hash WHERE sequence = 5").param("hash", rewritten.hash()).update();
            JsonNode rehashed = verify("");

            assertThat(rehashed.path("firstBrokenSequence").asLong()).isEqualTo(6);
            assertThat(rehashed.path("problem").asText()).startsWith("Entry 6 does not follow entry 5");
        } finally {
            delete(5);
            insert(original);
        }
    }

    @Test
    void aRemovedEntryIsNamed() {
        AuditEntry original = entry(7);
        delete(7);
        try {
            JsonNode removed = verify("");

            assertThat(removed.path("intact").asBoolean()).isFalse();
            assertThat(removed.path("firstBrokenSequence").asLong()).isEqualTo(7);
            assertThat(removed.path("problem").asText())
                    .isEqualTo("Entry 7 is missing: the trail goes from entry 6 to entry 8.");
        } finally {
            insert(original);
        }
    }

    @Test
    void anInsertedEntryIsNamed() {
        long last = head();
        // Make room at 4 by moving entries 4.. one up, and put a made-up entry there that claims to follow entry 3.
        jdbc.sql("UPDATE audit_entry SET sequence = -sequence WHERE sequence >= 4").update();
        jdbc.sql("UPDATE audit_entry SET sequence = 1 - sequence WHERE sequence < 0").update();
        AuditEntry third = entry(3);
        AuditEntry forged = new AuditEntry(4, third.at(), "dept-health", "STATUS_CHANGED", "callback",
                third.applicationId(), "health", "IN_PROCESS", "DELIVERED", "reported as APR", third.hash(),
                third.hash());
        insert(forged);
        try {
            JsonNode inserted = verify("");

            assertThat(inserted.path("intact").asBoolean()).isFalse();
            assertThat(inserted.path("firstBrokenSequence").asLong()).isEqualTo(4);
            assertThat(inserted.path("problem").asText()).startsWith("Entry 4 no longer matches its hash");
        } finally {
            delete(4);
            jdbc.sql("UPDATE audit_entry SET sequence = -sequence WHERE sequence > 4").update();
            jdbc.sql("UPDATE audit_entry SET sequence = -sequence - 1 WHERE sequence < 0").update();
        }
        assertThat(head()).isEqualTo(last);

        // An entry added after the newest one, with a hash computed just as the hub would: the hub never wrote it.
        AuditEntry newest = entry(last);
        insert(new AuditEntry(last + 1, newest.at(), "admin", "DEAD_LETTER_REPLAYED", "operator", null, null, null,
                null, "dead letter 1 (dispatch)", newest.hash(), null).sealed());
        try {
            JsonNode appended = verify("");

            assertThat(appended.path("intact").asBoolean()).isFalse();
            assertThat(appended.path("firstBrokenSequence").asLong()).isEqualTo(last + 1);
            assertThat(appended.path("problem").asText()).contains("it was inserted");
        } finally {
            delete(last + 1);
        }
    }

    @Test
    void removingTheNewestEntriesIsSeenAgainstTheHeadKeptOutsideTheHub() {
        JsonNode kept = verify("");
        long head = kept.path("headSequence").asLong();
        String keptHead = "{\"expectedHeadSequence\": " + head + ", \"expectedHeadHash\": \""
                + kept.path("headHash").asText() + "\"}";
        AuditEntry beforeLast = entry(head - 1);
        AuditEntry last = entry(head);
        delete(head);
        delete(head - 1);
        try {
            // The hub's own head still says where the trail ended.
            JsonNode cut = verify("");
            assertThat(cut.path("intact").asBoolean()).isFalse();
            assertThat(cut.path("firstBrokenSequence").asLong()).isEqualTo(head - 1);
            assertThat(cut.path("problem").asText()).contains("the newest entries were removed");

            // Whoever also moves the hub's head back leaves a trail that holds by itself...
            AuditEntry remaining = entry(head - 2);
            moveHead(remaining.sequence(), remaining.hash());
            assertThat(verify("").path("intact").asBoolean()).isTrue();

            // ...but not against the head the operator kept.
            JsonNode againstKept = verify(keptHead);
            assertThat(againstKept.path("intact").asBoolean()).isFalse();
            assertThat(againstKept.path("firstBrokenSequence").asLong()).isEqualTo(head - 1);
            assertThat(againstKept.path("problem").asText()).isEqualTo("The trail ends at entry " + (head - 2)
                    + ", but the head kept outside the hub is entry " + head + ": the newest entries were removed.");
        } finally {
            insert(beforeLast);
            insert(last);
            moveHead(last.sequence(), last.hash());
        }
        assertThat(verify(keptHead).path("intact").asBoolean()).isTrue();

        // The hub's head naming another hash than its newest entry's.
        moveHead(head, "0".repeat(63) + "1");
        try {
            JsonNode otherHead = verify("");
            assertThat(otherHead.path("firstBrokenSequence").asLong()).isEqualTo(head);
            assertThat(otherHead.path("problem").asText()).contains("differs from the head the hub recorded");
        } finally {
            moveHead(last.sequence(), last.hash());
        }

        // A kept head whose hash the trail does not have: the trail was rewritten up to it.
        JsonNode rewritten = verify("{\"expectedHeadSequence\": " + head + ", \"expectedHeadHash\": \""
                + "0".repeat(63) + "1\"}");
        assertThat(rewritten.path("intact").asBoolean()).isFalse();
        assertThat(rewritten.path("firstBrokenSequence").asLong()).isEqualTo(head);
    }

    @Test
    void aChangeWhoseEntryCannotBeWrittenIsNotMadeEither() {
        String id = submit();
        // Its entry chained first: the constraint is checked against the rows already waiting.
        head();
        // The entry of the next change cannot be written at all.
        jdbc.sql("ALTER TABLE audit_pending ADD CONSTRAINT ck_test_refuse_all CHECK (id < 0)").update();
        try {
            Answer refused = report(id, "REG");

            assertThat(refused.status()).isEqualTo(500);
            assertThat(status(id)).isEqualTo("SUBMITTED");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM application_history WHERE application_id = :id")
                    .param("id", id).query(Integer.class).single()).isEqualTo(1);
        } finally {
            jdbc.sql("ALTER TABLE audit_pending DROP CONSTRAINT ck_test_refuse_all").update();
        }
        assertThat(entriesOf(id)).isEqualTo(1);

        // And an entry is only ever written inside the transaction of its change.
        assertThatThrownBy(() -> hub.bean(AuditTrail.class).append(new AuditEvent("admin",
                AuditAction.STATUS_CHANGED, AuditChannel.OPERATOR, id, "health", null, null, null)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anEntryThatCannotBeChainedWaitsWithItsChangeUntilTheWayIsClear() {
        String id = submit();
        long head = head();
        // A row squatting on the next position: the next entry cannot be chained there.
        AuditEntry newest = entry(head);
        insert(new AuditEntry(head + 1, newest.at(), "nobody", "STATUS_CHANGED", null, null, null, null, null, null,
                newest.hash(), null).sealed());
        try {
            assertThat(report(id, "REG").status()).isEqualTo(200);

            // The change and its entry are committed together; the entry waits, and verification names the squatter.
            assertThat(status(id)).isEqualTo("FORWARDED");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_pending WHERE application_id = :id").param("id", id)
                    .query(Integer.class).single()).isEqualTo(1);
            JsonNode squatted = verify("");
            assertThat(squatted.path("intact").asBoolean()).isFalse();
            assertThat(squatted.path("firstBrokenSequence").asLong()).isEqualTo(head + 1);
            // Operators see it in the hub's health: why, since when, and how many entries wait.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode trail = auditTrailHealth();
                assertThat(trail.path("status").asText()).isEqualTo("DOWN");
                assertThat(trail.path("details").path("waiting").asLong()).isEqualTo(1);
                assertThat(trail.path("details").has("failingSince")).isTrue();
            });
        } finally {
            delete(head + 1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode trail = auditTrailHealth();
            assertThat(trail.path("status").asText()).isEqualTo("UP");
            assertThat(trail.path("details").path("waiting").asLong()).isZero();
        });
        // Chained where the squatter stood, once the way is clear.
        assertThat(head()).isEqualTo(head + 1);
        assertThat(entry(head + 1).applicationId()).isEqualTo(id);
        assertThat(entry(head + 1).statusAfter()).isEqualTo("FORWARDED");
    }

    @Test
    void aLongTrailIsVerifiedASliceAtATime() {
        long before = head();
        int added = AuditTrail.SLICE * 2 + 100;
        hub.bean(TransactionTemplate.class).executeWithoutResult(transaction -> {
            for (int i = 0; i < added; i++) {
                hub.bean(AuditTrail.class).append(new AuditEvent("admin", AuditAction.DEAD_LETTER_REPLAYED,
                        AuditChannel.OPERATOR, null, null, null, null, "dead letter " + i + " (dispatch)"));
            }
        });
        long last = before + added;

        JsonNode whole = verify("");
        assertThat(whole.path("intact").asBoolean()).as(whole.toString()).isTrue();
        assertThat(whole.path("entriesChecked").asLong()).isEqualTo(last);

        // A change in the last slice is found as surely as one in the first.
        long late = last - 50;
        jdbc.sql("UPDATE audit_entry SET client_id = 'someone' WHERE sequence = :s").param("s", late).update();
        try {
            assertThat(verify("").path("firstBrokenSequence").asLong()).isEqualTo(late);
        } finally {
            jdbc.sql("UPDATE audit_entry SET client_id = 'admin' WHERE sequence = :s").param("s", late).update();
        }
    }

    private static String submit() {
        Answer answer = client.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(client, "health-birth-registration"));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }

    private static Answer report(String id, String status) {
        return client.post(HEALTH_CALLBACK, "dept-health", null, "application/json",
                "{\"applicationId\": \"" + id + "\", \"status\": \"" + status + "\"}");
    }

    private static JsonNode verify(String keptHead) {
        Answer answer = client.post(VERIFY, "admin", null, "application/json", keptHead);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    /** The head once every committed entry is chained. */
    private static long head() {
        hub.bean(AuditTrail.class).sealCommitted();
        return jdbc.sql("SELECT last_sequence FROM audit_head").query(Long.class).single();
    }

    private static JsonNode auditTrailHealth() {
        return client.get("/actuator/health", "admin").json().path("components").path("auditTrail");
    }

    /** The entries of an application chained or waiting to be. */
    private static int entriesOf(String id) {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM audit_entry WHERE application_id = :id)"
                + " + (SELECT COUNT(*) FROM audit_pending WHERE application_id = :id)").param("id", id)
                .query(Integer.class).single();
    }

    private static String status(String id) {
        return jdbc.sql("SELECT status FROM application WHERE application_id = :id").param("id", id)
                .query(String.class).single();
    }

    private static AuditEntry entry(long sequence) {
        return jdbc.sql("SELECT " + AuditEntries.COLUMNS + " FROM audit_entry WHERE sequence = :s")
                .param("s", sequence).query(AuditEntries::toEntry).single();
    }

    private static void delete(long sequence) {
        assertThat(jdbc.sql("DELETE FROM audit_entry WHERE sequence = :s").param("s", sequence).update()).isOne();
    }

    private static void moveHead(long sequence, String hash) {
        jdbc.sql("UPDATE audit_head SET last_sequence = :s, last_hash = :h").param("s", sequence).param("h", hash)
                .update();
    }

    /** Writes a row as it is given, the way someone with access to the database would. */
    private static void insert(AuditEntry e) {
        jdbc.sql("INSERT INTO audit_entry (" + AuditEntries.COLUMNS + """
                ) VALUES (:sequence, :at, :clientId, :action, :channel, :applicationId, :department, :statusBefore,
                    :statusAfter, :detail, :previousHash, :hash)""")
                .param("sequence", e.sequence()).param("at", e.at().atOffset(ZoneOffset.UTC))
                .param("clientId", e.clientId()).param("action", e.action()).param("channel", e.channel())
                .param("applicationId", e.applicationId()).param("department", e.department())
                .param("statusBefore", e.statusBefore()).param("statusAfter", e.statusAfter())
                .param("detail", e.detail()).param("previousHash", e.previousHash()).param("hash", e.hash())
                .update();
    }
}
