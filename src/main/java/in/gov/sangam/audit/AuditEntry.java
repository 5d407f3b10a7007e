package in.gov.sangam.audit;

import java.time.Instant;

/**
 * One entry of the audit trail as it is stored. Action and channel are kept as the text stored, so that an entry
 * someone altered to a value the hub never writes can still be read and shown as broken.
 */
public record AuditEntry(long sequence, Instant at, String clientId, String action, String channel,
        String applicationId, String department, String statusBefore, String statusAfter, String detail,
        String previousHash, String hash) {

    /** The entry with its hash computed over its content and previous hash. */
    AuditEntry sealed() {
        return new AuditEntry(sequence, at, clientId, action, channel, applicationId, department, statusBefore,
                statusAfter, detail, previousHash, AuditHash.of(this));
    }

    /** Whether the stored hash is still the hash of the stored content. */
    boolean matchesItsHash() {
        return AuditHash.of(this).equals(hash);
    }
}
