package in.gov.sangam.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the entries changes wrote to {@code audit_pending} onto the trail: under the lock of {@code audit_head},
 * a batch at a time, each gets the next sequence and its hash and moves to {@code audit_entry}. Only the sealing
 * takes the lock, not the changes, so the lock serialises one short transaction per batch instead of every change
 * (see V23__audit_sealed_after_commit.sql).
 *
 * <p>A change's commit wakes the sealer ({@link #wake}), which runs on a thread of its own; it also looks every
 * second, for entries another node committed and died before sealing. Reading or verifying the trail seals
 * everything committed first ({@link #sealCommitted}), so what an administrator reads includes every change made.
 */
@Component
public class AuditSealing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSealing.class);
    /** Entries sealed per transaction: enough to empty a busy second's worth in a few. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final AuditEntries entries;
    private final NamedParameterJdbcTemplate batches;
    private final TransactionTemplate ownTransaction;
    /** Made at each start, so a context stopped and started again seals again. */
    private volatile ScheduledExecutorService sealer;
    /** A wake-up is queued and has not started yet: later commits need not queue another. */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile String lastFailure;
    private volatile Instant failingSince;
    private volatile boolean running;

    public AuditSealing(JdbcClient jdbc, AuditEntries entries, NamedParameterJdbcTemplate batches,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.batches = batches;
        this.ownTransaction = new TransactionTemplate(Objects.requireNonNull(transaction.getTransactionManager()));
        // Called after a change's commit, or by a read, whose transaction (if any) is not the sealing's.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void start() {
        sealer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        sealer.scheduleWithFixedDelay(() -> sealQuietly(true), 0, 1, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
        if (sealer != null) {
            sealer.shutdown();
            try {
                sealer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The last requests finished before this (see getPhase): what they committed is sealed now, not at the next
        // start.
        sealQuietly(true);
    }

    /** Started before, and stopped after, the web server and its graceful shutdown of requests in flight. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** A change with an entry committed: seal it soon, on the sealer's thread. */
    void wake() {
        // Before start and after stop, the entry waits for the first pass of the next start (or stop's last one); a
        // commit must never fail after the fact because the sealer is not there.
        if (running && wakeQueued.compareAndSet(false, true)) {
            try {
                sealer.execute(() -> {
                    // Reset before reading, so a commit after this point queues a new wake-up rather than being missed.
                    wakeQueued.set(false);
                    sealQuietly(false);
                });
            } catch (RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    /**
     * Seals every entry committed before this call, a batch per transaction, and says how many it sealed. Another
     * node sealing at the same time waits for the lock and finds the entries gone.
     */
    public long sealCommitted() {
        long sealed = 0;
        int batch;
        do {
            batch = Objects.requireNonNull(ownTransaction.execute(status -> sealBatch()));
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    private int sealBatch() {
        AuditHead head = entries.lockHead();
        // Read after the lock is held: entries another node sealed meanwhile are already gone.
        List<Long> ids = new ArrayList<>();
        List<AuditEntry> written = jdbc.sql("""
                        SELECT id, recorded_at, client_id, action, channel, application_id, department, status_before,
                            status_after, detail
                        FROM audit_pending ORDER BY id FETCH FIRST :batch ROWS ONLY""")
                .param("batch", BATCH)
                .query((rs, row) -> {
                    ids.add(rs.getLong("id"));
                    return new AuditEntry(0, rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("client_id"), rs.getString("action"), rs.getString("channel"),
                            rs.getString("application_id"), rs.getString("department"),
                            rs.getString("status_before"), rs.getString("status_after"), rs.getString("detail"),
                            null, null);
                })
                .list();
        if (written.isEmpty()) {
            return 0;
        }
        SqlParameterSource[] rows = new SqlParameterSource[written.size()];
        long sequence = head.sequence();
        String previousHash = head.hash();
        for (int i = 0; i < written.size(); i++) {
            AuditEntry w = written.get(i);
            AuditEntry entry = new AuditEntry(++sequence, w.at(), w.clientId(), w.action(), w.channel(),
                    w.applicationId(), w.department(), w.statusBefore(), w.statusAfter(), w.detail(), previousHash,
                    null).sealed();
            previousHash = entry.hash();
            rows[i] = new MapSqlParameterSource()
                    .addValue("sequence", entry.sequence())
                    .addValue("at", entry.at().atOffset(ZoneOffset.UTC))
                    .addValue("clientId", entry.clientId())
                    .addValue("action", entry.action())
                    .addValue("channel", entry.channel())
                    .addValue("applicationId", entry.applicationId())
                    .addValue("department", entry.department())
                    .addValue("statusBefore", entry.statusBefore())
                    .addValue("statusAfter", entry.statusAfter())
                    .addValue("detail", entry.detail())
                    .addValue("previousHash", entry.previousHash())
                    .addValue("hash", entry.hash());
        }
        batches.batchUpdate("INSERT INTO audit_entry (" + AuditEntries.COLUMNS + """
                ) VALUES (:sequence, :at, :clientId, :action, :channel, :applicationId, :department, :statusBefore,
                    :statusAfter, :detail, :previousHash, :hash)""", rows);
        // Exactly the rows read: an entry with a lower id may commit later than one with a higher id.
        jdbc.sql("DELETE FROM audit_pending WHERE id IN (:ids)").param("ids", ids).update();
        jdbc.sql("UPDATE audit_head SET last_sequence = :sequence, last_hash = :hash WHERE id = 1")
                .param("sequence", sequence).param("hash", previousHash)
                .update();
        return written.size();
    }

    /** Why sealing has failed since when (wall clock), or empty while it works. */
    Optional<Failure> failure() {
        String reason = lastFailure;
        Instant since = failingSince;
        return reason == null || since == null ? Optional.empty() : Optional.of(new Failure(reason, since));
    }

    /** How many committed entries wait to be chained. */
    long waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single();
    }

    record Failure(String reason, Instant since) {
    }

    private void sealQuietly(boolean onlyIfWaiting) {
        try {
            // The check takes no lock: an idle hub does not write to audit_head every second.
            if (!onlyIfWaiting || waiting() > 0) {
                sealCommitted();
            }
            if (lastFailure != null) {
                log.info("Audit entries are sealed again");
                lastFailure = null;
                failingSince = null;
            }
        } catch (RuntimeException e) {
            // The entries stay in audit_pending, committed, and the next pass tries again; said once, not every second.
            String failure = e.toString();
            if (!failure.equals(lastFailure)) {
                log.error("Audit entries cannot be chained onto the trail; they wait, committed, in audit_pending and "
                        + "sealing is tried again every second: {}", failure);
                lastFailure = failure;
            }
            if (failingSince == null) {
                failingSince = Instant.now();
            }
        }
    }
}
