package in.gov.sangam.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reconciler sweeps, and how long each kind of work may wait before it counts as stuck (application.yaml
 * says why each default is what it is). The threshold of abandoned result-file claims is
 * {@code sangam.connectors.result-file-claim}, where it was before the reconciler existed.
 *
 * @param every how often each hub node tries to sweep; one node sweeps at a time
 * @param lease how long a sweeping node holds the sweep: longer than any sweep takes, short enough that a node
 *     dying while it sweeps does not stop the sweeps for long
 * @param batchSize the most findings of one kind a sweep handles; the rest wait for the next sweep
 * @param lookBack how far back the sweep looks for completion events, so that what it reads each time stays
 *     bounded while the outbox grows
 */
@ConfigurationProperties("sangam.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("60s") Duration every,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("200") int batchSize,
        @DefaultValue("7d") Duration lookBack,
        @DefaultValue("15m") Duration submittedNotInFlight,
        @DefaultValue("5m") Duration outboxUnpublished,
        @DefaultValue("15m") Duration completionEventsUnconsumed) {
}
