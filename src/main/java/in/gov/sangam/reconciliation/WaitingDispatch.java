package in.gov.sangam.reconciliation;

import java.time.Instant;

/**
 * An application still SUBMITTED, and the latest message that asked for its dispatch: published at
 * {@code publishedAt}, so it should be in its department's queue, or handled.
 */
public record WaitingDispatch(String applicationId, String serviceCode, String department, long outboxId,
        Instant publishedAt) {
}
