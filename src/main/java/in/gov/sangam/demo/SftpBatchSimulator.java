package in.gov.sangam.demo;

import in.gov.sangam.dispatch.ConnectorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A department that works in batch files: an SFTP server (Apache MINA SSHD) with the department's inbox and
 * outbox, and its batch job, which answers each request file with a result file (in the department's own columns),
 * one row per application as its {@link BatchJobRules} say. The hub cannot tell it from the real thing.
 */
final class SftpBatchSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SftpBatchSimulator.class);

    private final SshServer server;
    private final Path root;
    private final ConnectorSettings settings;
    private final BatchJobRules rules;
    private final ScheduledExecutorService batchJob = Executors.newSingleThreadScheduledExecutor(runnable -> {
        // A daemon: the demo's batch job must never keep a stopping JVM alive.
        Thread thread = new Thread(runnable, "batch-job-simulator");
        thread.setDaemon(true);
        return thread;
    });

    SftpBatchSimulator(ConnectorSettings settings, BatchJobRules rules, Path root, int port) {
        this.settings = settings;
        this.root = root;
        this.rules = rules;
        try {
            Files.createDirectories(root.resolve(settings.batchInbox()));
            Files.createDirectories(root.resolve(settings.batchOutbox()));
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(port);
            // A P-256 host key made now, on the simulator's own start-up thread: the default (P-521, made on the
            // first connection) held up the connector's first poll, and with it the hub's start, by about a second.
            SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(root.resolve("host-key.ser"));
            hostKey.setAlgorithm(KeyUtils.EC_ALGORITHM);
            hostKey.setKeySize(256);
            hostKey.loadKeys(null);
            server.setKeyPairProvider(hostKey);
            server.setPasswordAuthenticator((user, password, session) ->
                    user.equals(settings.username()) && password.equals(settings.password()));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
        } catch (IOException e) {
            batchJob.shutdownNow();
            throw new UncheckedIOException("The SFTP simulator of " + settings.department() + " did not start", e);
        }
        batchJob.scheduleWithFixedDelay(this::answerRequestFiles, 500, 500, TimeUnit.MILLISECONDS);
    }

    String address() {
        return "sftp://127.0.0.1:" + server.getPort();
    }

    /** The department's folders, for tests that drop a file into its outbox themselves. */
    Path root() {
        return root;
    }

    private void answerRequestFiles() {
        try (Stream<Path> files = Files.list(root.resolve(settings.batchInbox()))) {
            for (Path request : files.filter(f -> f.getFileName().toString().endsWith(".csv")
                    && !f.getFileName().toString().startsWith(".")).toList()) {
                answer(request);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Batch job simulator of {}: {}", settings.department(), e.toString());
        }
    }

    private void answer(Path request) throws IOException {
        List<String> lines = Files.readAllLines(request, StandardCharsets.UTF_8);
        Map<String, String> columns = settings.resultColumns();
        List<String> results = new ArrayList<>(List.of(String.join(",", columns.get("applicationId"),
                columns.get("reference"), columns.get("status"), columns.get("remark"), columns.get("reason"))));
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isBlank()) {
                String hubReference = line.split(",", 2)[0];
                results.add(hubReference + "," + rules.referenceFor(hubReference) + "," + rules.status() + ","
                        + rules.remark() + ",");
            }
        }
        // Written under a temporary name and renamed, so the hub never reads half a file.
        Path outbox = root.resolve(settings.batchOutbox());
        Path temporary = outbox.resolve(".writing-" + request.getFileName());
        Files.write(temporary, results, StandardCharsets.UTF_8);
        Files.move(temporary, outbox.resolve("results-" + request.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(root.resolve(settings.batchInbox()).resolve(".answered"));
        Files.move(request, root.resolve(settings.batchInbox()).resolve(".answered").resolve(request.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        batchJob.shutdownNow();
        server.stop(true);
    }
}
