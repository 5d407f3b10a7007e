package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.MigratedDatabases;
import java.time.Duration;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.h2.util.DateTimeUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The result files' locks as the hub's schema keeps them (Flyway's migrations, on H2), without Spring: a lock taken
 * by a hub node is held, whatever the time zone of the node asking, until its node stops keeping it alive.
 */
class ResultFileLocksTest {

    private static final TimeZone JVM_ZONE = TimeZone.getDefault();

    DataSource database;
    DefaultCamelContext camel;

    @BeforeEach
    void migrated() {
        database = MigratedDatabases.freshH2("locks");
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void restoreZone() throws Exception {
        inZone(JVM_ZONE);
        camel.close();
    }

    /**
     * Two nodes whose clocks agree but whose time zones differ (one set to UTC, one to India): a claim time stored
     * without its zone would be read 5 h 30 min off by the other, which would take a live lock for an orphan and
     * read the file a second time.
     */
    @Test
    void aLockTakenByANodeInOneTimeZoneIsHeldForANodeInAnother() throws Exception {
        JdbcOrphanLockAwareIdempotentRepository locks = ResultFileRepositories.locks(database, camel,
                Duration.ofMinutes(10));
        locks.start();
        try {
            inZone(TimeZone.getTimeZone("UTC"));
            assertThat(locks.add("education/results-1.csv-10-1")).isTrue();

            inZone(TimeZone.getTimeZone("Asia/Kolkata"));
            assertThat(locks.contains("education/results-1.csv-10-1")).isTrue();
            assertThat(locks.add("education/results-1.csv-10-1")).isFalse();
        } finally {
            locks.stop();
        }
    }

    /** A key as long as a file name may be (255 characters on common servers) is kept. */
    @Test
    void aKeyWithAFileNameOf255CharactersIsKept() throws Exception {
        JdbcOrphanLockAwareIdempotentRepository locks = ResultFileRepositories.locks(database, camel,
                Duration.ofMinutes(10));
        locks.start();
        try {
            String key = "education/" + "r".repeat(251) + ".csv-1048576-1796000000000";
            assertThat(locks.add(key)).isTrue();
            assertThat(locks.contains(key)).isTrue();
        } finally {
            locks.stop();
        }
    }

    private static void inZone(TimeZone zone) {
        TimeZone.setDefault(zone);
        // H2 keeps the JVM's zone it first saw; a node's connections are in the zone of that node.
        DateTimeUtils.resetCalendar();
    }
}
