package in.gov.sangam.feedback;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rapid assessment's figures: how many surveys went out, reached the phone and were answered, and how, over the
 * surveys of applications completed in a period. One aggregate query, counted by the database.
 */
@Repository
public class FeedbackSummaries {

    /**
     * Which surveys count; a null field does not narrow them.
     *
     * @param from the first day (in the hub's time zone) an application may have been completed on
     * @param to the last day, included
     */
    public record Scope(String department, String serviceCode, String district, LocalDate from, LocalDate to) {
    }

    /** The counts, and the fractions the state publishes, computed from them. */
    public record Figures(long surveysSent, long delivered, long responses, long good, long average, long bad) {

        /** responses / surveysSent; null when no survey went out. */
        public Double responseRate() {
            return surveysSent == 0 ? null : (double) responses / surveysSent;
        }

        /** (good + average) / responses: the approval rating; null when nobody answered. */
        public Double approval() {
            return responses == 0 ? null : (double) (good + average) / responses;
        }
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public FeedbackSummaries(JdbcClient jdbc, @Value("${sangam.time-zone}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    public Figures over(Scope scope) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        // Only the filters asked for go into the query: "(:x IS NULL OR ...)" leaves PostgreSQL guessing the type.
        narrow(conditions, params, "department = :department", "department", scope.department());
        narrow(conditions, params, "service_code = :serviceCode", "serviceCode", scope.serviceCode());
        narrow(conditions, params, "district = :district", "district", scope.district());
        if (scope.from() != null) {
            narrow(conditions, params, "completed_at >= :fromInstant", "fromInstant",
                    scope.from().atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (scope.to() != null) {
            narrow(conditions, params, "completed_at < :afterTo", "afterTo",
                    scope.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.sql("""
                SELECT COUNT(CASE WHEN state = 'SENT' THEN 1 END) AS surveys_sent,
                       COUNT(CASE WHEN delivery = 'DELIVERED' THEN 1 END) AS delivered,
                       COUNT(CASE WHEN rating IS NOT NULL THEN 1 END) AS responses,
                       COUNT(CASE WHEN rating = 'GOOD' THEN 1 END) AS good,
                       COUNT(CASE WHEN rating = 'AVERAGE' THEN 1 END) AS average,
                       COUNT(CASE WHEN rating = 'BAD' THEN 1 END) AS bad
                FROM feedback_survey""" + where)
                .params(params)
                .query((rs, row) -> new Figures(rs.getLong("surveys_sent"), rs.getLong("delivered"),
                        rs.getLong("responses"), rs.getLong("good"), rs.getLong("average"), rs.getLong("bad")))
                .single();
    }

    private static void narrow(List<String> conditions, Map<String, Object> params, String condition, String name,
            Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
    }
}
