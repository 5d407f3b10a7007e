package in.gov.sangam.support;

import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Databases with the hub's schema (its Flyway migrations) for tests that work below the running hub, on each
 * database the hub supports.
 */
public final class MigratedDatabases {

    private MigratedDatabases() {
    }

    /** A new H2 in memory, named for the test that reads its log, kept until the JVM ends. */
    public static DataSource freshH2(String name) {
        DataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        return database;
    }

    /**
     * An embedded PostgreSQL (zonky) that gives each test a database of its own, copied from one migrated once;
     * register it with {@code @RegisterExtension} and read it with {@code getTestDatabase()}.
     */
    public static PreparedDbExtension postgres() {
        return EmbeddedPostgresExtension.preparedDatabase(FlywayPreparer.forClasspathLocation("db/migration"));
    }
}
