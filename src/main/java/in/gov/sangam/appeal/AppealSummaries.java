package in.gov.sangam.appeal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the services keep their deadlines, in public figures: completions on time and late (from the completion events
 * the appeal subsystem consumed), applications open past their deadline (through its port), and appeals filed,
 * decided and the penalties ordered. Counts only, never a citizen.
 */
@Component
public class AppealSummaries {

    /** One service's figures. */
    public record ServiceFigures(String department, String serviceCode, long completedOnTime, long completedLate,
            long openPastDeadline, long appealsFiled, long appealsDecided, BigDecimal penaltiesOrdered) {
    }

    private final JdbcClient jdbc;
    private final PsgaDeadlines deadlines;
    private final Clock clock;

    public AppealSummaries(JdbcClient jdbc, PsgaDeadlines deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Kept once per application, however often its event comes. */
    void recordCompletion(CompletedApplication completed) {
        jdbc.sql("""
                INSERT INTO psga_completion (application_id, department, service_code, outcome, on_time, completed_at)
                SELECT :id, :department, :service, :outcome, :onTime, :at
                WHERE NOT EXISTS (SELECT 1 FROM psga_completion WHERE application_id = :id)""")
                .param("id", completed.applicationId()).param("department", completed.department())
                .param("service", completed.serviceCode()).param("outcome", completed.outcome())
                .param("onTime", completed.onTime()).param("at", completed.completedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Every department's services with any figure, or one department's (null: all). */
    public List<ServiceFigures> byService(String department) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> penalties = new TreeMap<>();
        jdbc.sql("""
                SELECT department, service_code, SUM(CASE WHEN on_time THEN 1 ELSE 0 END) AS on_time,
                    SUM(CASE WHEN on_time THEN 0 ELSE 1 END) AS late
                FROM psga_completion WHERE (CAST(:department AS VARCHAR(40)) IS NULL OR department = :department)
                GROUP BY department, service_code""")
                .param("department", department)
                .query(rs -> {
                    long[] row = counts.computeIfAbsent(key(rs.getString("department"), rs.getString("service_code")),
                            k -> new long[5]);
                    row[0] = rs.getLong("on_time");
                    row[1] = rs.getLong("late");
                });
        deadlines.openPastDeadline(clock.instant(), department).forEach(overdue -> counts
                .computeIfAbsent(key(overdue.department(), overdue.serviceCode()), k -> new long[5])[2] =
                overdue.count());
        jdbc.sql("""
                SELECT department, service_code, COUNT(*) AS filed,
                    SUM(CASE WHEN outcome IS NULL THEN 0 ELSE 1 END) AS decided,
                    SUM(COALESCE(penalty_amount, 0)) AS penalties
                FROM appeal WHERE (CAST(:department AS VARCHAR(40)) IS NULL OR department = :department)
                GROUP BY department, service_code""")
                .param("department", department)
                .query(rs -> {
                    String key = key(rs.getString("department"), rs.getString("service_code"));
                    long[] row = counts.computeIfAbsent(key, k -> new long[5]);
                    row[3] = rs.getLong("filed");
                    row[4] = rs.getLong("decided");
                    penalties.put(key, rs.getBigDecimal("penalties"));
                });
        List<ServiceFigures> figures = new ArrayList<>();
        counts.forEach((key, row) -> {
            String[] parts = key.split("/", 2);
            figures.add(new ServiceFigures(parts[0], parts[1], row[0], row[1], row[2], row[3], row[4],
                    penalties.getOrDefault(key, BigDecimal.ZERO)));
        });
        return figures;
    }

    private static String key(String department, String serviceCode) {
        return department + "/" + serviceCode;
    }
}
