package in.gov.sangam.reconciliation;

import in.gov.sangam.dispatch.ResultFileRepositories;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Kind {@code result-file-claims-abandoned}: a department's result file locked by a hub node (Camel's
 * orphan-lock-aware repository, processor {@code result-files}) whose lock nobody kept alive for
 * {@code sangam.connectors.result-file-claim}, and never recorded done: its node died halfway through it. The next node to list the file takes such a lock over by
 * itself and reads the file again; this sweep reports the lock and releases it, so that a lock whose file is gone
 * from the outbox (or whose department's results route is stopped) is seen and does not stay. A row the dead node
 * had applied already changes nothing the second time (its application is at that status already).
 *
 * <p>Locks are stamped by Camel on the wall clock (with their time zone), and measured on it: they are about
 * processes, not PSGA time.
 */
@Component("abandonedResultFileClaims")
public class AbandonedResultFileClaims {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedResultFileClaims.class);
    private static final StuckKind KIND = StuckKind.RESULT_FILE_CLAIMS_ABANDONED;

    /** A claimed file, and when it was claimed. */
    private record Claim(String fileKey, Timestamp claimedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Clock wallClock;
    private final Thresholds thresholds;
    private final ReconciliationProperties properties;
    private final ReconciliationFindings findings;
    private final ReconciliationLease lease;
    private final ReconciliationMetrics metrics;

    public AbandonedResultFileClaims(JdbcClient jdbc, Clock clock, Thresholds thresholds,
            ReconciliationProperties properties, ReconciliationFindings findings, ReconciliationLease lease,
            ReconciliationMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wallClock = Clock.systemUTC();
        this.thresholds = thresholds;
        this.properties = properties;
        this.findings = findings;
        this.lease = lease;
        this.metrics = metrics;
    }

    public void sweep() {
        Instant now = clock.instant();
        List<Claim> abandoned = jdbc.sql("""
                SELECT messageId, createdAt FROM CAMEL_MESSAGEPROCESSED claimed
                WHERE processorName = :processor AND createdAt < :before
                  AND NOT EXISTS (SELECT 1 FROM CAMEL_MESSAGEPROCESSED finished
                                  WHERE finished.processorName = :done AND finished.messageId = claimed.messageId)
                ORDER BY createdAt FETCH FIRST :limit ROWS ONLY""")
                .param("done", ResultFileRepositories.DONE)
                .param("processor", ResultFileRepositories.LOCKS)
                .param("before", Timestamp.from(wallClock.instant().minus(thresholds.of(KIND))))
                .param("limit", properties.batchSize())
                .query((rs, row) -> new Claim(rs.getString("messageId"), rs.getTimestamp("createdAt")))
                .list();
        int released = 0;
        for (Claim claim : abandoned) {
            if (release(claim)) {
                released++;
                findings.record(new Finding(KIND, now, lease.node(), Finding.CLAIM_RELEASED, null, null,
                        claim.fileKey(), null, claim.claimedAt().toInstant(), null, null,
                        "claimed and never read to the end; released, to be read again"));
            }
        }
        findings.swept(KIND, now, lease.node(), abandoned.size(), released);
        metrics.redriven(KIND, released);
        if (released > 0) {
            LOG.warn("Released {} result file(s) claimed more than {} ago and never read to the end", released,
                    thresholds.of(KIND));
        }
    }

    /** Releases the claim that was seen, unless the file was marked done or claimed anew since. */
    private boolean release(Claim claim) {
        return jdbc.sql("""
                DELETE FROM CAMEL_MESSAGEPROCESSED
                WHERE processorName = :processor AND messageId = :key AND createdAt = :claimedAt
                  AND messageId NOT IN (SELECT messageId FROM CAMEL_MESSAGEPROCESSED
                                        WHERE processorName = :done)""")
                .param("done", ResultFileRepositories.DONE)
                .param("processor", ResultFileRepositories.LOCKS)
                .param("key", claim.fileKey())
                .param("claimedAt", claim.claimedAt())
                .update() == 1;
    }
}
