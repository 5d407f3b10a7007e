package in.gov.sangam.demo;

import in.gov.sangam.applications.ApplicationStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a simulated department holds: the applications it has and has not finished with. Read straight from the
 * hub's store because the simulators stand in for systems that keep their own records.
 */
@Repository
@Profile("default")
class DemoApplications {

    private final JdbcClient jdbc;

    DemoApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open applications of a department (with it, not final) whose last change is older than {@code before}. */
    List<OpenApplication> openSince(String department, Instant before) {
        return jdbc.sql("""
                SELECT a.application_id, a.department_reference, a.status FROM application a
                WHERE a.department = :department AND a.status IN ('FORWARDED', 'IN_PROCESS')
                  AND (SELECT MAX(h.changed_at) FROM application_history h
                       WHERE h.application_id = a.application_id) < :before""")
                .param("department", department)
                .param("before", before.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new OpenApplication(rs.getString(1), rs.getString(2),
                        ApplicationStatus.valueOf(rs.getString(3))))
                .list();
    }
}
