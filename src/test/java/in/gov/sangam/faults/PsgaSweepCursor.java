package in.gov.sangam.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The appeal sweep's cursor row ({@code psga_sweep}) in the hubs' PostgreSQL, as a test sees it from outside the
 * hubs: which node's transaction holds it locked now (so a test can kill that node in the middle of a sweep) and
 * where the sweep has got to. Each node names its connections ({@code ApplicationName}), so PostgreSQL can tell them
 * apart. One connection of its own, for one thread at a time.
 */
final class PsgaSweepCursor implements AutoCloseable {

    private static final String NAME = "first-appeals";

    private final Connection connection;

    PsgaSweepCursor(DataSource postgres) {
        try {
            connection = postgres.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL cannot be reached", e);
        }
    }

    /**
     * The connection settings that name a node's connections, added to its JDBC URL.
     *
     * @see #holder()
     */
    static String named(String jdbcUrl, String node) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + node;
    }

    /**
     * A node's transaction holding the cursor row: the statement it ran last, and how long ago it began (a sweep
     * waits for the row first, then walks the deadlines and files appeals, then commits).
     */
    record Holder(String node, String lastStatement, Duration transactionAge) {

        /** Whether the sweep holding the cursor is filing appeals, none of them committed yet. */
        boolean filingAppeals() {
            return lastStatement.contains("INSERT INTO appeal");
        }
    }

    /**
     * The node whose transaction holds the cursor row now, if one does. A row locked FOR UPDATE carries the locking
     * transaction's id as its {@code xmax} (still there once that transaction ended): the holder is the live backend
     * whose transaction has that id; and, to be sure, a {@code FOR UPDATE NOWAIT} of the row's own fails.
     */
    Optional<Holder> holder() {
        Optional<Holder> holder = query("""
                SELECT a.application_name, a.query,
                    CAST(EXTRACT(EPOCH FROM clock_timestamp() - a.xact_start) * 1000 AS BIGINT)
                FROM psga_sweep s JOIN pg_stat_activity a ON a.backend_xid = s.xmax
                WHERE s.name = ?""",
                rs -> new Holder(rs.getString(1), rs.getString(2), Duration.ofMillis(rs.getLong(3))), NAME);
        return holder.isPresent() && locked() ? holder : Optional.empty();
    }

    /** Whether some transaction holds the cursor row: one of this test's own, NOWAIT, fails at once if so. */
    boolean locked() {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT name FROM psga_sweep WHERE name = ? FOR UPDATE NOWAIT")) {
                lock.setString(1, NAME);
                lock.executeQuery().close();
                return false;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) { // lock_not_available
                    return true;
                }
                throw e;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The sweep's cursor could not be locked", e);
        }
    }

    /** Where the last committed sweep ended: the last deadline it passed and that deadline's application. */
    record Position(Instant dueBy, String applicationId) {
    }

    Position position() {
        return query("SELECT due_by_after, application_after FROM psga_sweep WHERE name = ?", PsgaSweepCursor::position,
                NAME).orElseThrow();
    }

    /** The last deadline of all the applications, where a sweep that passed them all ends. */
    Position lastDeadline() {
        return query("""
                SELECT due_by, application_id FROM application
                ORDER BY due_by DESC, application_id DESC LIMIT 1""", PsgaSweepCursor::position).orElseThrow();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static Position position(ResultSet rs) throws SQLException {
        OffsetDateTime dueBy = rs.getObject(1, OffsetDateTime.class);
        return new Position(dueBy == null ? null : dueBy.toInstant(), rs.getString(2));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> query(String sql, Row<T> row, String... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The sweep's cursor could not be read", e);
        }
    }
}
