package in.gov.sangam.reconciliation;

import in.gov.sangam.applications.ApplicationIds;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Kind {@code outbox-unpublished}: outbox messages committed longer than the threshold ago and still not
 * published. Each is reported with its attempts and last error. A claim held on it is released (conditionally, the
 * very claim that was seen), so that the relay publishes it at its next look instead of waiting out a dead relay's
 * lease or a long back-off; a message no relay holds is only reported (the relay will take it; if it does not, the
 * relay itself is what to look at).
 *
 * <p>When a message was written is on the hub's clock (as the outbox stamps it); claims are on the wall clock.
 */
@Component("outboxUnpublished")
public class OutboxUnpublished {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxUnpublished.class);
    private static final StuckKind KIND = StuckKind.OUTBOX_UNPUBLISHED;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Clock wallClock = Clock.systemUTC();
    private final Thresholds thresholds;
    private final ReconciliationProperties properties;
    private final ReconciliationFindings findings;
    private final ReconciliationLease lease;
    private final ReconciliationMetrics metrics;

    public OutboxUnpublished(JdbcClient jdbc, Clock clock, Thresholds thresholds, ReconciliationProperties properties,
            ReconciliationFindings findings, ReconciliationLease lease, ReconciliationMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.thresholds = thresholds;
        this.properties = properties;
        this.findings = findings;
        this.lease = lease;
        this.metrics = metrics;
    }

    public void sweep() {
        Instant now = clock.instant();
        List<UnpublishedMessage> unpublished = writtenBefore(now.minus(thresholds.of(KIND)));
        int released = 0;
        for (UnpublishedMessage message : unpublished) {
            boolean release = message.claimedAt(wallClock.instant()) && release(message);
            if (release) {
                released++;
            }
            findings.record(new Finding(KIND, now, lease.node(), release ? Finding.CLAIM_RELEASED : Finding.REPORTED,
                    ApplicationIds.isApplicationId(message.aggregateId()) ? message.aggregateId() : null,
                    message.id(), null, null, message.createdAt(), message.attempts(), message.lastError(),
                    message.messageType() + (release ? " held by a relay until " + message.claimedUntil()
                            + "; released" : " not claimed by any relay")));
        }
        findings.swept(KIND, now, lease.node(), unpublished.size(), released);
        metrics.redriven(KIND, released);
        if (!unpublished.isEmpty()) {
            LOG.warn("{} outbox message(s) unpublished for more than {}; {} claim(s) released", unpublished.size(),
                    thresholds.of(KIND), released);
        }
    }

    private List<UnpublishedMessage> writtenBefore(Instant before) {
        return jdbc.sql("""
                SELECT id, message_type, aggregate_id, created_at, attempts, last_error, claimed_until
                FROM outbox_message WHERE published_at IS NULL AND created_at < :before
                ORDER BY id FETCH FIRST :limit ROWS ONLY""")
                .param("before", before.atOffset(ZoneOffset.UTC))
                .param("limit", properties.batchSize())
                .query((rs, row) -> new UnpublishedMessage(rs.getLong("id"), rs.getString("message_type"),
                        rs.getString("aggregate_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs.getObject("claimed_until", OffsetDateTime.class))))
                .list();
    }

    /** Releases the claim that was seen, unless the message was published or claimed anew since. */
    private boolean release(UnpublishedMessage message) {
        return jdbc.sql("""
                UPDATE outbox_message SET claimed_by = NULL, claimed_until = NULL
                WHERE id = :id AND published_at IS NULL AND claimed_until = :seen""")
                .param("id", message.id())
                .param("seen", message.claimedUntil().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
