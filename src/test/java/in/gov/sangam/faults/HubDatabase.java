package in.gov.sangam.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Where a hub under a fault test keeps its data: the embedded default (H2 in the hub's data directory) or a real
 * PostgreSQL in the test's JVM, which outlives the hub that is killed.
 */
final class HubDatabase implements AutoCloseable {

    private final String name;
    private final EmbeddedPostgres postgres;

    private HubDatabase(String name, EmbeddedPostgres postgres) {
        this.name = name;
        this.postgres = postgres;
    }

    static HubDatabase named(String name) {
        if (name.equals("h2")) {
            return new HubDatabase(name, null);
        }
        try {
            return new HubDatabase(name, EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hub's settings for this database. */
    List<String> settings() {
        return postgres == null ? List.of() : List.of(
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres", "spring.datasource.password=postgres");
    }

    /**
     * The hub's database, for the test to read what the hub left in it. Only once the hub's process is gone: the
     * embedded H2 file is open to one process at a time (PostgreSQL would not mind, but the test reads both alike).
     */
    Reader open(Path dataDir) {
        return postgres == null
                ? new Reader(new SingleConnectionDataSource("jdbc:h2:file:" + dataDir.resolve("db/sangam"), "sangam",
                        "sangam", true))
                : new Reader(postgres.getDatabase("postgres", "postgres"));
    }

    /** The database while the hub runs: PostgreSQL only, since the hub holds H2's file alone. */
    Optional<DataSource> whileTheHubRuns() {
        return Optional.ofNullable(postgres).map(running -> running.getDatabase("postgres", "postgres"));
    }

    /** The hub's database opened by the test; closing it lets go of H2's file, so that the hub can start again. */
    static final class Reader implements AutoCloseable {

        private final DataSource dataSource;
        private final JdbcClient jdbc;

        private Reader(DataSource dataSource) {
            this.dataSource = dataSource;
            this.jdbc = JdbcClient.create(dataSource);
        }

        JdbcClient jdbc() {
            return jdbc;
        }

        @Override
        public void close() {
            if (dataSource instanceof SingleConnectionDataSource h2) {
                h2.destroy();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
