package in.gov.sangam.reconciliation;

import java.time.Instant;

/**
 * One thing a sweep found waiting too long, and what it did about it. Only the fields that concern its kind are set.
 *
 * @param action dispatched-again, claim-released, published-again or reported (see {@link Finding#REPORTED})
 * @param outboxId the outbox message concerned: the one written to request a dispatch again, the unpublished one,
 *     or the completion event
 * @param detail a short note written by the hub; never citizen data
 */
public record Finding(StuckKind kind, Instant at, String node, String action, String applicationId, Long outboxId,
        String resultFile, String subscriber, Instant waitingSince, Integer attempts, String lastError,
        String detail) {

    public static final String DISPATCHED_AGAIN = "dispatched-again";
    public static final String CLAIM_RELEASED = "claim-released";
    public static final String PUBLISHED_AGAIN = "published-again";
    /** Nothing the reconciler could do: shown for an operator. */
    public static final String REPORTED = "reported";
}
