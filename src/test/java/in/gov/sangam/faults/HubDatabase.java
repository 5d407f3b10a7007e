package in.gov.sangam.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

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
