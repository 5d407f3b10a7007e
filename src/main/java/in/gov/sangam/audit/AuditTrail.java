package in.gov.sangam.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail: one hash-chained, append-only list of every change the hub made.
 *
 * <p>{@link #append} joins the transaction of the change it records, so the change and its entry are committed
 * together or not at all. It takes no lock: the entry waits in {@code audit_pending} until {@link AuditSealing}, woken
 * by the commit, chains it onto the trail under the lock of {@code audit_head}, so every hub node sharing the
 * database writes into one chain, numbered 1, 2, 3... without gaps, in the order the entries were written.
 *
 * <p>{@link #verify} walks the chain in sequence order, a slice at a time, recomputing every hash
 * ({@link AuditHash}), and names the first entry that does not match.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    /** How many entries verification reads at a time: the trail is never loaded whole. */
    static final int SLICE = 500;
    private static final int DETAIL_LIMIT = 500;

    private final JdbcClient jdbc;
    private final AuditEntries entries;
    private final AuditSealing sealing;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, AuditEntries entries, AuditSealing sealing, Clock clock) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.sealing = sealing;
        this.clock = clock;
    }

    /**
     * Writes the event as the next entry, in the caller's transaction (there must be one); it is chained onto the
     * trail right after that transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AuditEvent event) {
        jdbc.sql("""
                INSERT INTO audit_pending (recorded_at, client_id, action, channel, application_id, department,
                    status_before, status_after, detail)
                VALUES (:at, :clientId, :action, :channel, :applicationId, :department, :statusBefore, :statusAfter,
                    :detail)""")
                // To the millisecond: the precision the hash covers, so the sealed entry reads back as hashed.
                .param("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .param("clientId", event.actor())
                .param("action", event.action().name())
                .param("channel", event.channel() == null ? null : event.channel().value())
                .param("applicationId", event.applicationId())
                .param("department", event.department())
                .param("statusBefore", event.statusBefore())
                .param("statusAfter", event.statusAfter())
                .param("detail", shorten(event.detail()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sealing.wake();
            }
        });
    }

    /**
     * Chains every entry committed so far onto the trail, so that what is read next includes every change made
     * (readers call it first; it is otherwise done moments after each commit). When the entries cannot be chained
     * (someone wrote a row where the next entry goes), the trail is read as it stands, which is what shows it.
     */
    public void sealCommitted() {
        try {
            sealing.sealCommitted();
        } catch (DataAccessException e) {
            log.debug("Reading the trail as it stands: the entries waiting cannot be sealed", e);
        }
    }

    /**
     * Walks the whole chain and says whether it holds. Besides each entry against its hash and the one before it, the
     * end of the chain is checked against {@code audit_head} and, when the operator sends it, against the head they
     * kept outside the hub: only that catches someone who removed the newest entries and rewrote the head to match.
     *
     * @param keptSequence the sequence of the head the operator kept, or null
     * @param keptHash the hash of the head the operator kept, or null
     */
    public AuditVerification verify(Long keptSequence, String keptHash) {
        sealCommitted();
        // Entries up to the head read now are all committed; later appends are left for the next verification.
        AuditHead head = entries.head();
        Walk walk = new Walk(keptSequence, keptHash);
        long after = Long.MIN_VALUE;
        List<AuditEntry> slice;
        do {
            slice = entries.chain(after, head.sequence(), SLICE);
            for (AuditEntry entry : slice) {
                if (!walk.check(entry)) {
                    return walk.result(head);
                }
            }
            after = slice.isEmpty() ? after : slice.get(slice.size() - 1).sequence();
        } while (slice.size() == SLICE);
        walk.checkEnd(head);
        // An entry stored beyond the head was not appended by the hub (the hub moves the head with every entry).
        // Read the last sequence before the head, so an append committing in between is never taken for one.
        long lastStored = entries.lastSequence();
        AuditHead headNow = entries.head();
        if (lastStored > headNow.sequence()) {
            walk.broken(headNow.sequence() + 1, "Entry " + (headNow.sequence() + 1) + " stands beyond the newest "
                    + "entry the hub wrote (entry " + headNow.sequence() + "): it was inserted.");
        }
        return walk.result(head);
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= DETAIL_LIMIT ? detail : detail.substring(0, DETAIL_LIMIT);
    }

    /** Where a verification stands as it walks the chain. */
    private static final class Walk {

        private record Break(Long sequence, String problem) {
        }

        private final Long keptSequence;
        private final String keptHash;
        private final List<Break> breaks = new ArrayList<>();
        private long expected = 1;
        private String previousHash = AuditHash.GENESIS;
        private long checked;
        private String hashAtKeptSequence;
        private boolean keptHashSeen;

        Walk(Long keptSequence, String keptHash) {
            this.keptSequence = keptSequence;
            this.keptHash = keptHash;
        }

        /** Checks the next entry read; false when it breaks the chain, which ends the walk. */
        boolean check(AuditEntry entry) {
            long sequence = entry.sequence();
            if (sequence < 1) {
                return broken(1, "An entry numbered " + sequence + " stands before entry 1: it was inserted.");
            }
            if (sequence > expected) {
                return broken(expected, "Entry " + expected + " is missing: the trail goes from entry "
                        + (expected - 1) + " to entry " + sequence + ".");
            }
            if (sequence < expected) {
                return broken(sequence, "Entry " + sequence + " appears again after entry " + (expected - 1)
                        + ": it was inserted.");
            }
            checked++;
            if (!entry.matchesItsHash()) {
                return broken(sequence, "Entry " + sequence + " no longer matches its hash: it was changed, or "
                        + "inserted, after it was written.");
            }
            if (!entry.previousHash().equals(previousHash)) {
                return broken(sequence, "Entry " + sequence + " does not follow entry " + (sequence - 1) + ": its "
                        + "previous hash is not that entry's hash, so an entry before it was removed, inserted or "
                        + "rewritten.");
            }
            if (keptSequence != null && keptSequence == sequence) {
                hashAtKeptSequence = entry.hash();
            }
            keptHashSeen |= entry.hash().equals(keptHash);
            previousHash = entry.hash();
            expected = sequence + 1;
            return true;
        }

        /** The chain held up to the head read before the walk: does it end where the hub and the operator say? */
        void checkEnd(AuditHead head) {
            long last = expected - 1;
            if (last < head.sequence()) {
                broken(last + 1, "The trail ends at entry " + last + ", but the newest entry the hub wrote is entry "
                        + head.sequence() + ": the newest entries were removed.");
            } else if (!previousHash.equals(head.hash())) {
                broken(Math.max(1, last), "Entry " + last + " is not the newest entry the hub wrote: its hash "
                        + "differs from the head the hub recorded.");
            }
            if (keptSequence != null && keptSequence > last) {
                broken(last + 1, "The trail ends at entry " + last + ", but the head kept outside the hub is entry "
                        + keptSequence + ": the newest entries were removed.");
            } else if (keptSequence == null && keptHash != null && !keptHashSeen) {
                breaks.add(new Break(null, "No entry has the hash kept outside the hub: the entry it named was "
                        + "removed or rewritten."));
            }
        }

        boolean broken(long sequence, String problem) {
            breaks.add(new Break(sequence, problem));
            return false;
        }

        AuditVerification result(AuditHead head) {
            if (keptHash != null && hashAtKeptSequence != null && !keptHash.equals(hashAtKeptSequence)) {
                // The walk passed the kept head's sequence, and there the hash is another.
                broken(keptSequence, "Entry " + keptSequence + " is not the head kept outside the hub: its hash "
                        + "differs, so the trail was rewritten up to it.");
            }
            Break first = breaks.stream()
                    .min(Comparator.comparing(Break::sequence, Comparator.nullsLast(Comparator.naturalOrder())))
                    .orElse(null);
            return first == null ? new AuditVerification(true, checked, head, null, null)
                    : new AuditVerification(false, checked, head, first.sequence(), first.problem());
        }
    }
}
