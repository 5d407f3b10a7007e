package in.gov.sangam.appeal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where each PSGA sweep that walks the applications in order of a time (their deadlines, their warnings) has got to:
 * a row of {@code psga_sweep} per sweep, locked for each batch's transaction, so that one node sweeps a batch at a time
 * and the next batch, on whichever node, starts where the last one ended.
 */
@Component
class SweepCursors {

    /** The last (time, application) a sweep passed; both null before its first. */
    record Position(Instant at, String applicationId) {
    }

    /** What one batch did, and whether it was full (so more may be due). */
    private record Step(int handled, boolean full) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    SweepCursors(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The next items of a sweep after a position, up to a time, in order, at most {@code limit}. */
    @FunctionalInterface
    interface Batch<T> {
        List<T> after(Position from, Instant upTo, int limit);
    }

    /**
     * Walks a sweep's items from where it last ended up to {@code now}, batch after batch, handing each to
     * {@code handle}. Each batch is a transaction of its own, which locks the cursor's row, reads the batch after it,
     * does the batch's work and leaves the cursor after its last item: the work of a batch and the cursor's move are
     * committed together or not at all. A backlog of a hundred thousand is so a thousand short transactions, not one
     * that holds every row it wrote and the cursor's lock until the end (and is all lost if the node dies near it);
     * another node's sweep waits for a batch, not a backlog, then goes on from where it ended. With nothing due, a
     * sweep costs one indexed query.
     *
     * @param positionOf where an item stands in the sweep's order
     * @param handle does the sweep's work with an item, in the batch's transaction; whether it did anything
     * @return how many items {@code handle} did something with
     */
    public <T> int walk(String sweep, Instant now, int limit, Batch<T> next, Function<T, Position> positionOf,
            Predicate<T> handle) {
        int handled = 0;
        Step step;
        do {
            step = transaction.execute(status -> batch(sweep, now, limit, next, positionOf, handle));
            handled += step.handled();
        } while (step.full());
        return handled;
    }

    private <T> Step batch(String sweep, Instant now, int limit, Batch<T> next, Function<T, Position> positionOf,
            Predicate<T> handle) {
        Position cursor = lock(sweep);
        int handled = 0;
        List<T> due = next.after(cursor, now, limit);
        for (T item : due) {
            if (handle.test(item)) {
                handled++;
            }
            cursor = positionOf.apply(item);
        }
        save(sweep, cursor, now);
        return new Step(handled, due.size() == limit);
    }

    /** Locks the sweep's row until its transaction ends (another node's sweep waits) and reads where it stands. */
    private Position lock(String sweep) {
        return jdbc.sql("SELECT due_by_after, application_after FROM psga_sweep WHERE name = :name FOR UPDATE")
                .param("name", sweep)
                .query((rs, row) -> {
                    OffsetDateTime at = rs.getObject("due_by_after", OffsetDateTime.class);
                    return new Position(at == null ? null : at.toInstant(), rs.getString("application_after"));
                })
                .single();
    }

    private void save(String sweep, Position position, Instant now) {
        jdbc.sql("""
                UPDATE psga_sweep SET due_by_after = :at, application_after = :id, swept_at = :now
                WHERE name = :name""")
                .param("at", position.at() == null ? null : position.at().atOffset(ZoneOffset.UTC))
                .param("id", position.applicationId()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("name", sweep).update();
    }
}
