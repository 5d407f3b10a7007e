package in.gov.sangam.reconciliation;

import java.time.Instant;

/** An outbox message not yet published, as the reconciler finds it. */
public record UnpublishedMessage(long id, String messageType, String aggregateId, Instant createdAt, int attempts,
        String lastError, Instant claimedUntil) {

    /**
     * Whether a relay holds it now: its claim runs beyond {@code now}. Held that long after it was written, the
     * claim is stale (its relay died, or it is waiting out a back-off after failed publishes), so releasing it
     * lets a relay publish the message at once; one still publishing it meanwhile only makes a second copy, which
     * the broker drops by its duplicate-detection id.
     */
    public boolean claimedAt(Instant now) {
        return claimedUntil != null && claimedUntil.isAfter(now);
    }
}
