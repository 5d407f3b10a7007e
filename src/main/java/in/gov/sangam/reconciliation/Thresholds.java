package in.gov.sangam.reconciliation;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long work of each kind may wait before the reconciler takes it for stuck. */
@Component
public class Thresholds {

    private final ReconciliationProperties properties;
    private final Duration resultFileClaim;

    public Thresholds(ReconciliationProperties properties,
            @Value("${sangam.connectors.result-file-claim:10m}") Duration resultFileClaim) {
        this.properties = properties;
        this.resultFileClaim = resultFileClaim;
    }

    public Duration of(StuckKind kind) {
        return switch (kind) {
            case SUBMITTED_NOT_IN_FLIGHT -> properties.submittedNotInFlight();
            case OUTBOX_UNPUBLISHED -> properties.outboxUnpublished();
            case RESULT_FILE_CLAIMS_ABANDONED -> resultFileClaim;
            case COMPLETION_EVENTS_UNCONSUMED -> properties.completionEventsUnconsumed();
        };
    }
}
