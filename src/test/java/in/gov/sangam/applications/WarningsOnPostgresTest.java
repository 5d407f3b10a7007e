package in.gov.sangam.applications;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.appeal.PsgaDeadlines;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The officer's warnings on a real PostgreSQL: V22 adds warn_at, its index and the sweep's cursor row, and the warning
 * sweep's query walks (warn_at, application_id) in order from a position, on the index, as the first appeals' does.
 */
class WarningsOnPostgresTest {

    private static final Instant ACKNOWLEDGED = Instant.parse("2026-11-29T04:45:30Z");

    static EmbeddedPostgres postgres;
    static DataSource database;
    static JdbcClient jdbc;
    static ApplicationStore store;
    static ApplicationDeadlines deadlines;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(database);
        store = new ApplicationStore(jdbc, database);
        deadlines = new ApplicationDeadlines(jdbc);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theWarningsAreWalkedInOrderFromWhereTheLastSweepEndedOnTheirIndex() throws SQLException {
        Instant warnAt = ACKNOWLEDGED.plus(Duration.ofDays(5));
        insert("SGM-2026-20000002", warnAt);
        insert("SGM-2026-20000001", warnAt);
        insert("SGM-2026-20000003", warnAt.plusSeconds(1));
        insert("SGM-2026-20000004", warnAt.plus(Duration.ofDays(1)));
        store.changeStatus("SGM-2026-20000003", ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED, null);
        store.stopClock("SGM-2026-20000002", warnAt.minusSeconds(60));

        List<PsgaDeadlines.Warning> first = deadlines.warningsBetween(null, null, warnAt.plusSeconds(1), 2);
        assertThat(first).extracting(PsgaDeadlines.Warning::applicationId)
                .containsExactly("SGM-2026-20000001", "SGM-2026-20000002");
        assertThat(first.get(1).clockRunning()).isFalse();
        assertThat(first.get(0).warnAt()).isEqualTo(warnAt);
        assertThat(first.get(0).dueBy()).isEqualTo(ACKNOWLEDGED.plus(Duration.ofDays(7)));
        assertThat(first.get(0).acknowledgedAt()).isEqualTo(ACKNOWLEDGED);
        // From the last one passed: a tie on warn_at goes on by id; nothing after upTo.
        List<PsgaDeadlines.Warning> next = deadlines.warningsBetween(warnAt, "SGM-2026-20000002",
                warnAt.plusSeconds(1), 2);
        assertThat(next).singleElement().satisfies(warning -> {
            assertThat(warning.applicationId()).isEqualTo("SGM-2026-20000003");
            assertThat(warning.open()).isFalse();
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM psga_sweep WHERE name = 'warnings'").query(Integer.class).single())
                .isEqualTo(1);
        // Four rows are read faster without an index; with the planner told so, the query is seen to fit its index.
        assertThat(plan("""
                SELECT application_id FROM application
                WHERE (warn_at > now() OR (warn_at = now() AND application_id > 'a')) AND warn_at <= now()
                ORDER BY warn_at, application_id FETCH FIRST 500 ROWS ONLY""")).contains("ix_application_warn_at");
    }

    private static String plan(String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    @Test
    void aClockRunningAgainMovesTheWarningWithTheDeadline() {
        insert("SGM-2026-20000010", ACKNOWLEDGED.plus(Duration.ofDays(5)));
        Instant movedDue = ACKNOWLEDGED.plus(Duration.ofDays(9));
        Instant movedWarning = ACKNOWLEDGED.plus(Duration.ofDays(7));

        store.restartClock("SGM-2026-20000010", Duration.ofDays(2), movedDue, movedWarning);

        assertThat(deadlines.warningsBetween(movedWarning.minusSeconds(1), null, movedWarning, 10))
                .extracting(PsgaDeadlines.Warning::applicationId, PsgaDeadlines.Warning::dueBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SGM-2026-20000010", movedDue));
    }

    private static void insert(String applicationId, Instant warnAt) {
        store.insert(new NewApplication(applicationId, "health-birth-registration", "health", "Aisha Bhat",
                "+919876543210", null, null, null, "Anantnag", "hi", "{}", ACKNOWLEDGED,
                ACKNOWLEDGED.plus(Duration.ofDays(7)), warnAt, "portal", applicationId, "f"));
    }
}
