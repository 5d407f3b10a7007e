package in.gov.sangam.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The hash is the one the README tells operators how to recompute, and no two different entries share it. */
class AuditHashTest {

    private static final Instant AT = Instant.parse("2026-11-29T04:45:30Z");

    @Test
    void isTheSha256OfTheDocumentedEncoding() throws Exception {
        AuditEntry entry = new AuditEntry(42, AT, "dept-health", "STATUS_CHANGED", "callback", "SGM-2026-0000042",
                "health", "FORWARDED", "IN_PROCESS", "reported as SCR", AuditHash.GENESIS, null);
        String encoding = "15:sangam-audit-v1,2:42,24:2026-11-29T04:45:30.000Z,11:dept-health,14:STATUS_CHANGED,"
                + "8:callback,16:SGM-2026-0000042,6:health,9:FORWARDED,10:IN_PROCESS,15:reported as SCR,64:"
                + "0".repeat(64) + ",";

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(encoding.getBytes(StandardCharsets.UTF_8)));

        assertThat(AuditHash.of(entry)).isEqualTo(expected);
    }

    @Test
    void anAbsentFieldIsWrittenAsADash() throws Exception {
        AuditEntry entry = new AuditEntry(1, AT, "portal", "APPLICATION_SUBMITTED", "portal", "SGM-2026-0000001",
                "revenue", null, "SUBMITTED", "service revenue-domicile-certificate", AuditHash.GENESIS, null);
        String encoding = "15:sangam-audit-v1,1:1,24:2026-11-29T04:45:30.000Z,6:portal,21:APPLICATION_SUBMITTED,"
                + "6:portal,16:SGM-2026-0000001,7:revenue,-,9:SUBMITTED,36:service revenue-domicile-certificate,64:"
                + "0".repeat(64) + ",";

        assertThat(AuditHash.of(entry)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(encoding.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void entriesThatWouldReadAlikeIfTheirFieldsWereJoinedHashDifferently() {
        AuditEntry base = new AuditEntry(7, AT, "admin", "DEAD_LETTER_REPLAYED", "operator", null, "health", null,
                null, "dead letter 7", AuditHash.GENESIS, null);

        // A character moved from one field to the next.
        assertThat(AuditHash.of(base)).isNotEqualTo(AuditHash.of(new AuditEntry(7, AT, "admi", "nDEAD_LETTER_REPLAYED",
                "operator", null, "health", null, null, "dead letter 7", AuditHash.GENESIS, null)));
        // An absent field and an empty one.
        assertThat(AuditHash.of(base)).isNotEqualTo(AuditHash.of(new AuditEntry(7, AT, "admin",
                "DEAD_LETTER_REPLAYED", "operator", "", "health", null, null, "dead letter 7", AuditHash.GENESIS,
                null)));
        // The same entry at another position, or after another entry.
        assertThat(AuditHash.of(base)).isNotEqualTo(AuditHash.of(new AuditEntry(8, AT, "admin",
                "DEAD_LETTER_REPLAYED", "operator", null, "health", null, null, "dead letter 7", AuditHash.GENESIS,
                null)));
        assertThat(AuditHash.of(base)).isNotEqualTo(AuditHash.of(new AuditEntry(7, AT, "admin",
                "DEAD_LETTER_REPLAYED", "operator", null, "health", null, null, "dead letter 7",
                "0".repeat(63) + "1", null)));
        // A millisecond later.
        assertThat(AuditHash.of(base)).isNotEqualTo(AuditHash.of(new AuditEntry(7, AT.plusMillis(1), "admin",
                "DEAD_LETTER_REPLAYED", "operator", null, "health", null, null, "dead letter 7", AuditHash.GENESIS,
                null)));
    }
}
