package in.gov.sangam.appeal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** Locks the sweep's row until its transaction ends (another node's sweep waits) and reads where it stands. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Position lock(String sweep) {
        return jdbc.sql("SELECT due_by_after, application_after FROM psga_sweep WHERE name = :name FOR UPDATE")
                .param("name", sweep)
                .query((rs, row) -> {
                    OffsetDateTime at = rs.getObject("due_by_after", OffsetDateTime.class);
                    return new Position(at == null ? null : at.toInstant(), rs.getString("application_after"));
                })
                .single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void save(String sweep, Position position, Instant now) {
        jdbc.sql("""
                UPDATE psga_sweep SET due_by_after = :at, application_after = :id, swept_at = :now
                WHERE name = :name""")
                .param("at", position.at() == null ? null : position.at().atOffset(ZoneOffset.UTC))
                .param("id", position.applicationId()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("name", sweep).update();
    }
}
