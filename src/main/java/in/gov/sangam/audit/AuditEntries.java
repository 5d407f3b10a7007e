package in.gov.sangam.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read side of the audit trail: entries by page and filter, the chain in order, the head. */
@Repository
public class AuditEntries {

    static final String COLUMNS = """
            sequence, recorded_at, client_id, action, channel, application_id, department, status_before,
            status_after, detail, previous_hash, hash""";

    private final JdbcClient jdbc;

    public AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which entries to list; each part is optional (null).
     *
     * @param from entries written at or after this time
     * @param to entries written before this time
     */
    public record Filter(String applicationId, Instant from, Instant to) {

        public static final Filter ALL = new Filter(null, null, null);
    }

    /** One page of the entries the filter lets through, oldest first. */
    public List<AuditEntry> page(Filter filter, long offset, int limit) {
        Where where = where(filter);
        var query = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where.sql()
                + " ORDER BY sequence OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY");
        where.params().forEach(query::param);
        return query.param("offset", offset).param("limit", limit).query(AuditEntries::toEntry).list();
    }

    public long count(Filter filter) {
        Where where = where(filter);
        var query = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where.sql());
        where.params().forEach(query::param);
        return query.query(Long.class).single();
    }

    /**
     * The next entries of the chain after {@code afterSequence} and up to {@code upToSequence}, in sequence order:
     * verification reads the trail a slice at a time, however long it is.
     */
    List<AuditEntry> chain(long afterSequence, long upToSequence, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE sequence > :after AND sequence <= :upTo"
                        + " ORDER BY sequence FETCH FIRST :limit ROWS ONLY")
                .param("after", afterSequence).param("upTo", upToSequence).param("limit", limit)
                .query(AuditEntries::toEntry)
                .list();
    }

    /** The highest sequence stored, 0 when the trail is empty. */
    long lastSequence() {
        return jdbc.sql("SELECT COALESCE(MAX(sequence), 0) FROM audit_entry").query(Long.class).single();
    }

    /** The head as the hub last wrote it (read without a lock). */
    public AuditHead head() {
        return readHead("");
    }

    /** The head, locked until the caller's transaction ends: whoever holds it is the one chaining entries on. */
    AuditHead lockHead() {
        return readHead(" FOR UPDATE");
    }

    private AuditHead readHead(String lock) {
        return jdbc.sql("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1" + lock)
                .query((rs, row) -> new AuditHead(rs.getLong("last_sequence"), rs.getString("last_hash")))
                .single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.applicationId() != null) {
            conditions.add("application_id = :applicationId");
            params.put("applicationId", filter.applicationId());
        }
        if (filter.from() != null) {
            conditions.add("recorded_at >= :from");
            params.put("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("recorded_at < :to");
            params.put("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    static AuditEntry toEntry(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
        return new AuditEntry(rs.getLong("sequence"), at == null ? null : at.toInstant(), rs.getString("client_id"),
                rs.getString("action"), rs.getString("channel"), rs.getString("application_id"),
                rs.getString("department"), rs.getString("status_before"), rs.getString("status_after"),
                rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
