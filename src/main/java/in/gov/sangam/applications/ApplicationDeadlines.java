package in.gov.sangam.applications;

import in.gov.sangam.appeal.PsgaDeadlines;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The applications' deadlines for the appeal subsystem's sweep: one indexed range of (due_by, application_id). */
@Component
class ApplicationDeadlines implements PsgaDeadlines {

    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    private final JdbcClient jdbc;

    ApplicationDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Deadline> dueBetween(Instant afterDueBy, String afterId, Instant upTo, int limit) {
        OffsetDateTime after = (afterDueBy == null ? BEGINNING : afterDueBy).atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                SELECT application_id, service_code, department, applicant_district, status, clock_stopped_since,
                    acknowledged_at, due_by
                FROM application
                WHERE (due_by > :after OR (due_by = :after AND application_id > :afterId)) AND due_by <= :upTo
                ORDER BY due_by, application_id
                FETCH FIRST :limit ROWS ONLY""")
                .param("after", after).param("afterId", afterId == null ? "" : afterId)
                .param("upTo", upTo.atOffset(ZoneOffset.UTC)).param("limit", limit)
                .query(ApplicationDeadlines::toDeadline)
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

    private static Deadline toDeadline(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        return new Deadline(rs.getString("application_id"), rs.getString("service_code"), rs.getString("department"),
                rs.getString("applicant_district"),
                !status.equals(ApplicationStatus.DELIVERED.name()) && !status.equals(ApplicationStatus.REJECTED.name()),
                rs.getObject("clock_stopped_since", OffsetDateTime.class) == null,
                rs.getObject("acknowledged_at", OffsetDateTime.class).toInstant(),
                rs.getObject("due_by", OffsetDateTime.class).toInstant());
    }
}
