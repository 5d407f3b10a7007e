package in.gov.sangam.audit;

/**
 * The newest entry of the trail, by its sequence and hash: what an operator keeps outside the hub to check later
 * that no newest entries were removed.
 */
public record AuditHead(long sequence, String hash) {

    /** The head of an empty trail, and the previous hash of the first entry. */
    public static final AuditHead EMPTY = new AuditHead(0, AuditHash.GENESIS);
}
