package in.gov.sangam.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A department that works in batch files: an SFTP server (Apache MINA SSHD) with its inbox, where the hub writes a
 * request file per application, and its outbox, where the test writes the department's result files. It lives in
 * the test's JVM, so its files and its counts (request files written, result files read, by name) outlive a killed
 * hub.
 */
final class SftpDepartment implements AutoCloseable {

    static final String USERNAME = "sangam-hub";
    static final String PASSWORD = "fault-test-only";

    private final SshServer server;
    private final Path inbox;
    private final Path outbox;
    private final Map<String, AtomicInteger> requestFilesWritten = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> resultFilesRead = new ConcurrentHashMap<>();

    private SftpDepartment(Path root) throws IOException {
        inbox = Files.createDirectories(root.resolve("inbox"));
        outbox = Files.createDirectories(root.resolve("outbox"));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void moved(ServerSession session, Path from, Path to, Collection<CopyOption> options,
                    Throwable failed) {
                // The hub writes each request file under a temporary name and renames it when it is complete.
                if (failed == null && isCsv(to) && "inbox".equals(folder(to))) {
                    requestFilesWritten.computeIfAbsent(to.getFileName().toString(), name -> new AtomicInteger())
                            .incrementAndGet();
                }
            }

            @Override
            public void open(ServerSession session, String remoteHandle, Handle handle) {
                if (handle instanceof FileHandle opened && isCsv(opened.getFile())
                        && "outbox".equals(folder(opened.getFile()))) {
                    resultFilesRead.computeIfAbsent(opened.getFile().getFileName().toString(),
                            name -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve("host-key.ser")));
        server.setPasswordAuthenticator((user, password, session) ->
                USERNAME.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
    }

    /** The education department's server, its folders named as in its connector.yaml ({@code batch}). */
    static SftpDepartment education() {
        try {
            return new SftpDepartment(Files.createTempDirectory("sangam-education-sftp-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the hub's connector.yaml {@code endpoint} is set to. */
    String endpoint() {
        return "sftp://localhost:" + server.getPort();
    }

    /** The request files in the inbox (one per application, named after it), by name. */
    Set<String> requestFiles() {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(SftpDepartment::isCsv).map(file -> file.getFileName().toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often the hub wrote each request file. */
    Map<String, Integer> requestFilesWritten() {
        return counts(requestFilesWritten);
    }

    /** How often the hub opened each result file to read it. */
    Map<String, Integer> resultFilesRead() {
        return counts(resultFilesRead);
    }

    /** The SSH sessions open to the server now. */
    int openSessions() {
        return server.getActiveSessions().size();
    }

    /** Writes a result file as a department must: under another name, renamed once it is complete. */
    void writeResultFile(String name, List<String> lines) {
        try {
            Path writing = outbox.resolve(".writing-" + name);
            Files.write(writing, lines, StandardCharsets.UTF_8);
            Files.move(writing, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> counts(Map<String, AtomicInteger> counters) {
        return counters.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
    }

    private static boolean isCsv(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".csv") && !name.startsWith(".");
    }

    private static String folder(Path file) {
        Path parent = file.getParent();
        return parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
