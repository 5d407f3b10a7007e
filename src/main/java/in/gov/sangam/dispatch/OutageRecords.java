package in.gov.sangam.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code department_outage} table: each node's record of when a department was down. Times of the outage are on
 * the hub's clock; {@code nodeAliveAt} is on the wall clock (see V19__department_outages.sql).
 */
@Repository
class OutageRecords {

    private static final int REASON_LIMIT = 200;

    private final JdbcClient jdbc;

    OutageRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new outage, going on ({@code endedAt} null) or already over; returns its row. */
    long add(String department, String node, Instant startedAt, Instant endedAt, String reason, Instant nodeAliveAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO department_outage (department, node, started_at, ended_at, reason, ended_by,
                    still_down_at, node_alive_at)
                VALUES (:department, :node, :startedAt, :endedAt, :reason, :endedBy, :stillDownAt, :nodeAliveAt)""")
                .param("department", department)
                .param("node", node)
                .param("startedAt", utc(startedAt))
                .param("endedAt", utc(endedAt))
                .param("reason", reason.length() <= REASON_LIMIT ? reason : reason.substring(0, REASON_LIMIT))
                .param("endedBy", endedAt == null ? null : "ANSWERED")
                .param("stillDownAt", utc(endedAt == null ? startedAt : endedAt))
                .param("nodeAliveAt", utc(nodeAliveAt))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Ends an outage going on, because the department answered again; false if it had been ended already. */
    boolean end(long row, Instant endedAt) {
        return jdbc.sql("""
                UPDATE department_outage SET ended_at = :endedAt, still_down_at = :endedAt, ended_by = 'ANSWERED'
                WHERE id = :row AND ended_at IS NULL""")
                .param("endedAt", utc(endedAt))
                .param("row", row)
                .update() == 1;
    }

    /**
     * Says that an outage is still going on and its node alive; false if it had been ended meanwhile (by another
     * node, which took this one for stopped).
     */
    boolean stillDown(long row, Instant at, Instant nodeAliveAt) {
        return jdbc.sql("""
                UPDATE department_outage SET still_down_at = :at, node_alive_at = :aliveAt
                WHERE id = :row AND ended_at IS NULL""")
                .param("at", utc(at))
                .param("aliveAt", utc(nodeAliveAt))
                .param("row", row)
                .update() == 1;
    }

    /**
     * Ends the outages going on whose node has not kept them alive since {@code aliveBefore}: that node stopped (it
     * died, or restarted as a new node) and will never see their end. Each ends when its node last saw it down.
     *
     * @return how many were ended
     */
    int endThoseOfStoppedNodes(Instant aliveBefore) {
        return jdbc.sql("""
                UPDATE department_outage SET ended_at = still_down_at, ended_by = 'NODE_LOST'
                WHERE ended_at IS NULL AND node_alive_at < :aliveBefore""")
                .param("aliveBefore", utc(aliveBefore))
                .update();
    }

    /** Every node's outages of the department that overlap [from, to), those going on included. */
    List<NodeOutage> overlapping(String department, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT node, started_at, ended_at, reason, ended_by FROM department_outage
                WHERE department = :department AND started_at < :to AND (ended_at IS NULL OR ended_at > :from)
                ORDER BY started_at, id""")
                .param("department", department)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, row) -> new NodeOutage(rs.getString("node"), instant(rs, "started_at"),
                        instant(rs, "ended_at"), rs.getString("reason"), !"NODE_LOST".equals(rs.getString("ended_by"))))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
