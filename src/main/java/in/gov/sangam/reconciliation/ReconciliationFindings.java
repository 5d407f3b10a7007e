package in.gov.sangam.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the sweeps found and did, kept in the database so that every hub node reports the same: the last sweep of
 * each kind, and its most recent findings (older ones are dropped; the audit trail keeps every dispatch requested
 * again for good).
 */
@Repository
public class ReconciliationFindings {

    /** How many findings of each kind are kept, and shown. */
    public static final int RECENT = 20;
    private static final int TEXT_LIMIT = 500;

    private final JdbcClient jdbc;

    public ReconciliationFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a sweep of the kind; what it moved on so far ({@code redriven}) may grow ({@link #redrivenOneMore}). */
    public void swept(StuckKind kind, Instant at, String node, int found, int redriven) {
        jdbc.sql("UPDATE reconciliation_sweep SET swept_at = :at, node = :node, found = :found, redriven = :redriven "
                        + "WHERE kind = :kind")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("node", node).param("found", found)
                .param("redriven", redriven).param("kind", kind.code())
                .update();
    }

    /** One more moved on by the last sweep of the kind, for what is moved on after the sweep was recorded. */
    public void redrivenOneMore(StuckKind kind) {
        jdbc.sql("UPDATE reconciliation_sweep SET redriven = redriven + 1 WHERE kind = :kind")
                .param("kind", kind.code())
                .update();
    }

    /** Keeps a finding, and drops the oldest of its kind beyond {@link #RECENT}. */
    public void record(Finding finding) {
        jdbc.sql("""
                INSERT INTO reconciliation_action (kind, done_at, node, action, application_id, outbox_id,
                    result_file, subscriber, waiting_since, attempts, last_error, detail)
                VALUES (:kind, :at, :node, :action, :applicationId, :outboxId, :resultFile, :subscriber,
                    :waitingSince, :attempts, :lastError, :detail)""")
                .param("kind", finding.kind().code())
                .param("at", finding.at().atOffset(ZoneOffset.UTC))
                .param("node", finding.node())
                .param("action", finding.action())
                .param("applicationId", finding.applicationId())
                .param("outboxId", finding.outboxId())
                .param("resultFile", finding.resultFile())
                .param("subscriber", finding.subscriber())
                .param("waitingSince", finding.waitingSince() == null ? null
                        : finding.waitingSince().atOffset(ZoneOffset.UTC))
                .param("attempts", finding.attempts())
                .param("lastError", shorten(finding.lastError()))
                .param("detail", shorten(finding.detail()))
                .update();
        jdbc.sql("""
                DELETE FROM reconciliation_action WHERE kind = :kind AND id <= (
                    SELECT id FROM reconciliation_action WHERE kind = :kind ORDER BY id DESC
                    OFFSET :keep ROWS FETCH FIRST 1 ROWS ONLY)""")
                .param("kind", finding.kind().code())
                .param("keep", RECENT)
                .update();
    }

    public Optional<Sweep> lastSweep(StuckKind kind) {
        return jdbc.sql("SELECT swept_at, node, found, redriven FROM reconciliation_sweep WHERE kind = :kind "
                        + "AND swept_at IS NOT NULL")
                .param("kind", kind.code())
                .query((rs, row) -> new Sweep(kind, instant(rs, "swept_at"), rs.getString("node"),
                        rs.getInt("found"), rs.getInt("redriven")))
                .optional();
    }

    /** The kind's most recent findings, newest first. */
    public List<Finding> recent(StuckKind kind) {
        return jdbc.sql("""
                SELECT done_at, node, action, application_id, outbox_id, result_file, subscriber, waiting_since,
                    attempts, last_error, detail
                FROM reconciliation_action WHERE kind = :kind ORDER BY id DESC FETCH FIRST :limit ROWS ONLY""")
                .param("kind", kind.code())
                .param("limit", RECENT)
                .query((rs, row) -> new Finding(kind, instant(rs, "done_at"), rs.getString("node"),
                        rs.getString("action"), rs.getString("application_id"), (Long) rs.getObject("outbox_id",
                                Long.class), rs.getString("result_file"), rs.getString("subscriber"),
                        instant(rs, "waiting_since"), (Integer) rs.getObject("attempts", Integer.class),
                        rs.getString("last_error"), rs.getString("detail")))
                .list();
    }

    private static String shorten(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
