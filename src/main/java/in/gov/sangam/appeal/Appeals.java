package in.gov.sangam.appeal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appeals the hub filed, in the appeal subsystem's own table. */
@Repository
public class Appeals {

    private final JdbcClient jdbc;

    public Appeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Files an appeal unless the application has one on these grounds at this level (also checked by the table's
     * unique key, should two nodes race).
     *
     * @return whether this call filed it
     */
    public boolean file(Appeal appeal, String escalatedFrom) {
        return jdbc.sql("""
                INSERT INTO appeal (appeal_id, application_id, level, grounds, service_code, department, district,
                    authority, filed_at, decide_by, status, due_by, delivered_late_at, escalated_from, acknowledged_at)
                SELECT :id, :applicationId, :level, :grounds, :service, :department, :district, :authority, :filedAt,
                    :decideBy, 'PENDING', :dueBy, :deliveredLateAt, :escalatedFrom, :acknowledgedAt
                WHERE NOT EXISTS (SELECT 1 FROM appeal WHERE application_id = :applicationId AND grounds = :grounds
                    AND level = :level)""")
                .param("id", appeal.appealId()).param("applicationId", appeal.applicationId())
                .param("level", appeal.level()).param("grounds", appeal.grounds())
                .param("service", appeal.serviceCode()).param("department", appeal.department())
                .param("district", appeal.district()).param("authority", appeal.authority())
                .param("filedAt", utc(appeal.filedAt())).param("decideBy", utc(appeal.decideBy()))
                .param("dueBy", utc(appeal.dueBy())).param("deliveredLateAt", utc(appeal.deliveredLateAt()))
                .param("escalatedFrom", escalatedFrom).param("acknowledgedAt", utc(appeal.acknowledgedAt()))
                .update() == 1;
    }

    /** First appeals still before their authority past their decideBy, oldest first. */
    public List<Appeal> undecidedFirstAppeals(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM appeal WHERE status = 'PENDING' AND level = 1 AND decide_by <= :now
                ORDER BY decide_by, appeal_id FETCH FIRST :limit ROWS ONLY""")
                .param("now", utc(now)).param("limit", limit).query(Appeals::toAppeal).list();
    }

    /** @return whether this call moved it from PENDING to ESCALATED */
    public boolean markEscalated(String appealId) {
        return jdbc.sql("UPDATE appeal SET status = 'ESCALATED' WHERE appeal_id = :id AND status = 'PENDING'")
                .param("id", appealId).update() == 1;
    }

    /** The application reached its final status after its deadline: its delay appeals say so. */
    public void markDeliveredLate(String applicationId, Instant at) {
        jdbc.sql("""
                UPDATE appeal SET delivered_late_at = :at
                WHERE application_id = :id AND grounds = 'DELAY' AND delivered_late_at IS NULL""")
                .param("at", utc(at)).param("id", applicationId).update();
    }

    public Optional<Appeal> find(String appealId) {
        return jdbc.sql("SELECT * FROM appeal WHERE appeal_id = :id").param("id", appealId)
                .query(Appeals::toAppeal).optional();
    }

    public List<Appeal> forApplication(String applicationId) {
        return jdbc.sql("SELECT * FROM appeal WHERE application_id = :id ORDER BY filed_at, level")
                .param("id", applicationId).query(Appeals::toAppeal).list();
    }

    /**
     * Records a decision on an appeal still before its authority.
     *
     * @return whether this call decided it (a decided or escalated appeal is not decided again)
     */
    public boolean decide(String appealId, String outcome, String directions, BigDecimal penalty,
            BigDecimal compensation, Instant at, String by) {
        return jdbc.sql("""
                UPDATE appeal SET status = :outcome, outcome = :outcome, directions = :directions,
                    penalty_amount = :penalty, compensation_amount = :compensation, decided_at = :at, decided_by = :by
                WHERE appeal_id = :id AND status = 'PENDING'""")
                .param("outcome", outcome).param("directions", directions).param("penalty", penalty)
                .param("compensation", compensation).param("at", utc(at)).param("by", by).param("id", appealId)
                .update() == 1;
    }

    /** One page of appeals, newest first, with the filters given (null: any). */
    public List<Appeal> page(AppealFilter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM appeal WHERE 1 = 1");
        var statement = where(filter, sql).append(" ORDER BY filed_at DESC, appeal_id DESC")
                .append(" OFFSET ").append(offset).append(" ROWS FETCH FIRST ").append(limit).append(" ROWS ONLY");
        var query = jdbc.sql(statement.toString());
        for (Object[] parameter : parameters(filter)) {
            query = query.param((String) parameter[0], parameter[1]);
        }
        return query.query(Appeals::toAppeal).list();
    }

    public int count(AppealFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM appeal WHERE 1 = 1");
        var query = jdbc.sql(where(filter, sql).toString());
        for (Object[] parameter : parameters(filter)) {
            query = query.param((String) parameter[0], parameter[1]);
        }
        return query.query(Integer.class).single();
    }

    /** What to list appeals by; a null field matches any. */
    public record AppealFilter(String status, Integer level, String department, String authority) {
    }

    private static StringBuilder where(AppealFilter filter, StringBuilder sql) {
        if (filter.status() != null) {
            sql.append(" AND status = :status");
        }
        if (filter.level() != null) {
            sql.append(" AND level = :level");
        }
        if (filter.department() != null) {
            sql.append(" AND department = :department");
        }
        if (filter.authority() != null) {
            sql.append(" AND authority = :authority");
        }
        return sql;
    }

    private static List<Object[]> parameters(AppealFilter filter) {
        List<Object[]> parameters = new ArrayList<>();
        if (filter.status() != null) {
            parameters.add(new Object[] {"status", filter.status()});
        }
        if (filter.level() != null) {
            parameters.add(new Object[] {"level", filter.level()});
        }
        if (filter.department() != null) {
            parameters.add(new Object[] {"department", filter.department()});
        }
        if (filter.authority() != null) {
            parameters.add(new Object[] {"authority", filter.authority()});
        }
        return parameters;
    }

    private static Appeal toAppeal(ResultSet rs, int row) throws SQLException {
        return new Appeal(rs.getString("appeal_id"), rs.getString("application_id"), rs.getInt("level"),
                rs.getString("grounds"), rs.getString("service_code"), rs.getString("department"),
                rs.getString("district"), rs.getString("authority"), instant(rs, "filed_at"),
                instant(rs, "decide_by"), rs.getString("status"), instant(rs, "due_by"),
                instant(rs, "delivered_late_at"), rs.getString("outcome"), rs.getString("directions"),
                rs.getBigDecimal("penalty_amount"), rs.getBigDecimal("compensation_amount"),
                instant(rs, "decided_at"), rs.getString("decided_by"), instant(rs, "acknowledged_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
