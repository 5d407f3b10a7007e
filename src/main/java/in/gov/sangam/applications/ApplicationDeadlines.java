package in.gov.sangam.applications;

import in.gov.sangam.appeal.PsgaDeadlines;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The applications' deadlines for the appeal subsystem's sweeps: one indexed range of (due_by, application_id) for the
 * first appeals, one of (warn_at, application_id) for the officers' warnings.
 */
@Component
class ApplicationDeadlines implements PsgaDeadlines {

    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    private final JdbcClient jdbc;

    ApplicationDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Deadline> dueBetween(Instant afterDueBy, String afterId, Instant upTo, int limit) {
        return inOrderOf("due_by", afterDueBy, afterId, upTo, limit, ApplicationDeadlines::toDeadline);
    }

    @Override
    public List<Warning> warningsBetween(Instant afterWarnAt, String afterId, Instant upTo, int limit) {
        return inOrderOf("warn_at", afterWarnAt, afterId, upTo, limit, (rs, row) -> new Warning(
                rs.getString("application_id"), rs.getString("service_code"), rs.getString("department"),
                rs.getString("applicant_district"), isOpen(rs), isClockRunning(rs), instant(rs, "acknowledged_at"),
                instant(rs, "warn_at"),
                instant(rs, "due_by")));
    }

    /** One indexed range of (column, application_id): after the position given, up to {@code upTo}, in order. */
    private <T> List<T> inOrderOf(String column, Instant after, String afterId, Instant upTo, int limit,
            RowMapper<T> row) {
        return jdbc.sql("""
                SELECT application_id, service_code, department, applicant_district, status, clock_stopped_since,
                    acknowledged_at, due_by, warn_at
                FROM application
                WHERE (%1$s > :after OR (%1$s = :after AND application_id > :afterId)) AND %1$s <= :upTo
                ORDER BY %1$s, application_id
                FETCH FIRST :limit ROWS ONLY""".formatted(column))
                .param("after", (after == null ? BEGINNING : after).atOffset(ZoneOffset.UTC))
                .param("afterId", afterId == null ? "" : afterId)
                .param("upTo", upTo.atOffset(ZoneOffset.UTC)).param("limit", limit)
                .query(row)
                .list();
    }

    @Override
    public List<OverdueCount> openPastDeadline(Instant now, String department) {
        return jdbc.sql("""
                SELECT department, service_code, COUNT(*) AS overdue FROM application
                WHERE due_by < :now AND status NOT IN ('DELIVERED', 'REJECTED')
                    AND (CAST(:department AS VARCHAR(40)) IS NULL OR department = :department)
                GROUP BY department, service_code""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("department", department)
                .query((rs, row) -> new OverdueCount(rs.getString("department"), rs.getString("service_code"),
                        rs.getLong("overdue")))
                .list();
    }

    private static boolean isOpen(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return !status.equals(ApplicationStatus.DELIVERED.name()) && !status.equals(ApplicationStatus.REJECTED.name());
    }

    private static boolean isClockRunning(ResultSet rs) throws SQLException {
        return rs.getObject("clock_stopped_since", OffsetDateTime.class) == null;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Deadline toDeadline(ResultSet rs, int row) throws SQLException {
        return new Deadline(rs.getString("application_id"), rs.getString("service_code"), rs.getString("department"),
                rs.getString("applicant_district"), isOpen(rs), isClockRunning(rs), instant(rs, "acknowledged_at"),
                instant(rs, "due_by"));
    }
}
