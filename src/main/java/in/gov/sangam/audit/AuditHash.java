package in.gov.sangam.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that chains an entry to the one before: SHA-256 over a canonical encoding of every field of the entry and
 * the previous entry's hash, written in lower-case hex.
 *
 * <p>The encoding is unambiguous, so no two different entries encode alike: it is the version tag
 * {@code sangam-audit-v1} followed by the fields in this order - sequence (decimal), time (UTC, to the millisecond,
 * {@code 2026-11-29T04:45:30.000Z}), client id, action, channel, application id, department, status before, status
 * after, detail, previous hash - each written as a netstring, {@code <length in UTF-8 bytes>:<UTF-8 bytes>,}, and an
 * absent (null) field as {@code -,}. Anyone can recompute it from an exported trail, without the hub.
 */
public final class AuditHash {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "sangam-audit-v1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final byte[] ABSENT = "-,".getBytes(StandardCharsets.US_ASCII);

    private AuditHash() {
    }

    /** The hash of the entry's content and previous hash (its own {@code hash} field is not read). */
    public static String of(AuditEntry entry) {
        MessageDigest sha256 = sha256();
        field(sha256, VERSION);
        field(sha256, Long.toString(entry.sequence()));
        field(sha256, entry.at() == null ? null : TIME.format(entry.at()));
        field(sha256, entry.clientId());
        field(sha256, entry.action());
        field(sha256, entry.channel());
        field(sha256, entry.applicationId());
        field(sha256, entry.department());
        field(sha256, entry.statusBefore());
        field(sha256, entry.statusAfter());
        field(sha256, entry.detail());
        field(sha256, entry.previousHash());
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ABSENT);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
        digest.update((byte) ',');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
