package in.gov.sangam.appeal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each PSGA sweep that walks the applications in order of a time (their deadlines, their warnings) has got to:
 * a row of {@code psga_sweep} per sweep, locked for the sweep's transaction, so that one node sweeps at a time and the
 * next starts where it ended.
 */
@Component
class SweepCursors {

    /** The last (time, application) a sweep passed; both null before its first. */
    record Position(Instant at, String applicationId) {
    }

    private final JdbcClient jdbc;

    SweepCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next items of a sweep after a position, up to a time, in order, at most {@code limit}. */
    @FunctionalInterface
    interface Batch<T> {
        List<T> after(Position from, Instant upTo, int limit);
    }

    /**
     * Walks a sweep's items from where it last ended up to {@code now}, batch after batch, handing each to
     * {@code handle}, and leaves the cursor after the last, in the caller's transaction (which holds the cursor's row:
     * another node's sweep waits, then starts where this one ended). With nothing due, it costs one indexed query.
     *
     * @param positionOf where an item stands in the sweep's order
     * @param handle does the sweep's work with an item; whether it did anything
     * @return how many items {@code handle} did something with
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> int walk(String sweep, Instant now, int limit, Batch<T> next, Function<T, Position> positionOf,
            Predicate<T> handle) {
        Position cursor = lock(sweep);
        int handled = 0;
        List<T> due;
        do {
            due = next.after(cursor, now, limit);
            for (T item : due) {
                if (handle.test(item)) {
                    handled++;
                }
                cursor = positionOf.apply(item);
            }
        } while (due.size() == limit);
        save(sweep, cursor, now);
        return handled;
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
