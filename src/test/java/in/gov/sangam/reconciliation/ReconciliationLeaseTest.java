package in.gov.sangam.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.MigratedDatabases;
import in.gov.sangam.support.MutableClock;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several hub nodes on one database, one sweep at a time: the lease on H2 and on a real PostgreSQL, with two
 * nodes' leases side by side and a wall clock the test moves.
 */
class ReconciliationLeaseTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @RegisterExtension
    static final PreparedDbExtension POSTGRES = MigratedDatabases.postgres();

    @Test
    void oneNodeSweepsAtATimeOnH2() {
        oneNodeSweepsAtATime(MigratedDatabases.freshH2("lease"));
    }

    @Test
    void oneNodeSweepsAtATimeOnPostgres() {
        oneNodeSweepsAtATime(POSTGRES.getTestDatabase());
    }

    private static void oneNodeSweepsAtATime(DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        MutableClock wallClock = new MutableClock(Instant.parse("2026-11-29T04:45:30Z"), ZoneOffset.UTC);
        ReconciliationLease first = new ReconciliationLease(jdbc, LEASE, wallClock, "node-1");
        ReconciliationLease second = new ReconciliationLease(jdbc, LEASE, wallClock, "node-2");

        assertThat(first.take()).isTrue();
        assertThat(second.take()).as("while the first sweeps").isFalse();
        assertThat(first.take()).as("not twice either").isFalse();

        first.release();
        assertThat(second.take()).as("once the first is done").isTrue();

        // The second dies while sweeping: its lease runs out, and the first takes over.
        wallClock.advance(LEASE.minusSeconds(1));
        assertThat(first.take()).isFalse();
        wallClock.advance(Duration.ofSeconds(2));
        assertThat(first.take()).isTrue();
        // The second, come back, cannot free the lease the first holds now.
        second.release();
        assertThat(second.take()).isFalse();
        assertThat(jdbc.sql("SELECT holder FROM reconciliation_lease WHERE name = 'sweep'").query(String.class)
                .single()).isEqualTo("node-1");
    }
}
