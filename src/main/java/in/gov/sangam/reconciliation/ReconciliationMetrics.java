package in.gov.sangam.reconciliation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reconciler's metrics, per kind: {@code sangam.reconciliation.waiting} (a gauge: how many the last sweep found
 * waiting too long, read from the database, so every hub node shows the same whichever node swept) and
 * {@code sangam.reconciliation.redriven} (a counter: how many this node moved on again; summed over the nodes).
 */
@Component
public class ReconciliationMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationMetrics.class);

    private final Map<StuckKind, Counter> redriven = new EnumMap<>(StuckKind.class);

    public ReconciliationMetrics(MeterRegistry registry, ReconciliationFindings findings) {
        for (StuckKind kind : StuckKind.values()) {
            Gauge.builder("sangam.reconciliation.waiting", findings, found -> waiting(found, kind))
                    .description("Work found waiting longer than its threshold by the last sweep")
                    .tag("kind", kind.code())
                    .register(registry);
            redriven.put(kind, Counter.builder("sangam.reconciliation.redriven")
                    .description("Stuck work this node moved on again")
                    .tag("kind", kind.code())
                    .register(registry));
        }
    }

    public void redriven(StuckKind kind, int count) {
        redriven.get(kind).increment(count);
    }

    private static double waiting(ReconciliationFindings findings, StuckKind kind) {
        try {
            return findings.lastSweep(kind).map(Sweep::found).orElse(0);
        } catch (RuntimeException unavailable) {
            // The database is away: the readiness probe says so; the gauge has no value meanwhile.
            LOG.debug("No reconciliation figures: {}", unavailable.toString());
            return Double.NaN;
        }
    }
}
