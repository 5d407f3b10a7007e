package in.gov.sangam.reconciliation;

import java.time.Instant;

/**
 * A completion event that one subscriber has not consumed, and that is not on its way to it.
 *
 * @param messageId the event's id, which the subscriber recognises it by (and records once it consumed it)
 */
public record UnconsumedEvent(long outboxId, String messageId, String applicationId, String subscriber,
        String payload, Instant publishedAt) {
}
