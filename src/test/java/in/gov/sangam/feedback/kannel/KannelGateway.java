package in.gov.sangam.feedback.kannel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Kannel SMS gateway on loopback, started by a test: Debian's {@code kannel} (bearerbox, smsbox) with the fake
 * SMS centre {@code fakesmsc} from {@code kannel-extras}, each a child process of the test's JVM.
 *
 * <p>How it is wired ({@code src/test/resources/kannel/kannel.conf}, written with free loopback ports into a folder
 * under {@code target/kannel/} that also holds every log):
 * <pre>
 *   hub --GET /cgi-bin/sendsms--&gt; smsbox --&gt; bearerbox --smsc = fake--&gt; fakesmsc   (the SMS centre)
 *   hub &lt;--GET dlr-url (%d)----- smsbox &lt;-- bearerbox: the fake SMSC reports 8 (SMSC) and 1 (phone)
 *   hub &lt;--GET get-url (%p, %a)-- smsbox &lt;-- bearerbox &lt;-- fakesmsc: a citizen's SMS typed into its stdin
 * </pre>
 * bearerbox listens for fakesmsc; fakesmsc runs in interactive mode, so each line written to its stdin is an SMS from
 * a citizen ({@link #replyFrom}), and it logs each SMS it gets, which {@link #received} reads back. The sms-service
 * sends the HTTP Basic credentials of the get-url's user-info; it sends nothing back to the citizen
 * ({@code max-messages = 0}).
 *
 * <p>What a test sees: an SMS at the SMS centre within about a second (fakesmsc looks at its connection once a second
 * while it waits for input); one delivery report per SMS, also for one sent in parts; 8 and 1 in either order (a
 * two-part SMS had 1 first).
 *
 * <p>{@link #close} kills the three processes (also when start-up fails) and a shutdown hook does if a test forgets.
 */
public final class KannelGateway implements AutoCloseable {

    /** The number citizens reply to: the sms-service takes every SMS, whatever its receiver. */
    public static final String SERVICE_NUMBER = "56161";

    private static final String HOW_TO_INSTALL = "Kannel is not installed: apt-get install kannel kannel-extras "
            + "(Debian's bearerbox, smsbox and /usr/lib/kannel/test/fakesmsc), as .ci/run does";
    /** Generous: other tests share the machine's two cores. */
    private static final Duration START_WITHIN = Duration.ofMinutes(1);
    private static final Duration SEND_WITHIN = Duration.ofSeconds(30);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern FAKESMSC_SENT = Pattern.compile("fakesmsc: sent message (\\d+)");

    private final Path folder;
    private final int adminPort;
    private final int smsboxPort;
    private final int fakeSmscPort;
    private final int sendsmsPort;
    private final String adminPassword = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::kill, "kill-kannel");
    private OutputStream citizens;
    private int citizenSmsSent;

    private KannelGateway(Path folder) {
        this.folder = folder;
        int[] ports = freeLoopbackPorts(4);
        adminPort = ports[0];
        smsboxPort = ports[1];
        fakeSmscPort = ports[2];
        sendsmsPort = ports[3];
    }

    /**
     * Starts Kannel and returns once it takes SMS at {@link #sendUrl()}.
     *
     * @param username and {@code password}: the sendsms-user the hub sends with
     * @param replyUrl the sms-service's get-url, with Kannel's escapes ({@code %p} sender, {@code %a} text) and
     *        the HTTP Basic credentials as user-info, e.g. {@code http://user:secret@127.0.0.1:8080/r?from=%p&text=%a}
     */
    public static KannelGateway start(String username, String password, String replyUrl) {
        Installation kannel = Installation.find().orElseThrow(() -> new IllegalStateException(HOW_TO_INSTALL));
        KannelGateway gateway;
        try {
            Path parent = Files.createDirectories(Path.of("target", "kannel"));
            gateway = new KannelGateway(Files.createTempDirectory(parent, "gateway-").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(gateway.killOnExit);
        try {
            gateway.run(kannel, username, password, replyUrl);
            return gateway;
        } catch (IOException | RuntimeException | Error e) {
            gateway.close();
            throw new IllegalStateException("Kannel did not start; its configuration and logs are in "
                    + gateway.folder + gateway.logTails(), e);
        }
    }

    /** Whether bearerbox, smsbox and fakesmsc are here. */
    public static boolean isInstalled() {
        return Installation.find().isPresent();
    }

    /** Skips a test on a machine without Kannel, saying how to install it; fails it in CI ({@code CI=true}). */
    public static void assumeInstalled() {
        if (isInstalled()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(HOW_TO_INSTALL + "; CI must run the test against a real Kannel");
        }
        abort(HOW_TO_INSTALL);
    }

    /** Kannel's HTTP API for sending an SMS: GET with username, password, from, to, text, coding, charset, dlr-*. */
    public String sendUrl() {
        return "http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms";
    }

    /** Every SMS that reached the SMS centre so far, in the order it arrived (a concatenated SMS once whole). */
    public List<ReceivedSms> received() {
        return FakeSmscProtocol.received(fakesmscLog());
    }

    /**
     * A citizen's SMS from {@code number} to {@link #SERVICE_NUMBER}, sent from the SMS centre; returns once
     * fakesmsc passed it to bearerbox. Kannel then calls the reply URL.
     */
    public synchronized void replyFrom(String number, String text) {
        String line = FakeSmscProtocol.citizenSms(number, SERVICE_NUMBER, text) + "\n";
        try {
            citizens.write(line.getBytes(StandardCharsets.UTF_8));
            citizens.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("fakesmsc no longer reads its input; see " + folder, e);
        }
        int sent = ++citizenSmsSent;
        // fakesmsc reads its input through a buffer and looks again only when the pipe has news: a line written
        // before it took the previous one would wait for the next. So each SMS waits until fakesmsc sent it on.
        await("fakesmsc sends the citizen's SMS number " + sent).atMost(SEND_WITHIN)
                .until(() -> citizenSmsSentSoFar() >= sent);
    }

    /** The folder with kannel.conf and the logs: bearerbox.log, smsbox.log and each process's output. */
    public Path folder() {
        return folder;
    }

    /** Kills bearerbox, smsbox and fakesmsc and waits until they are gone. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrRemoved) {
            // The hook runs or ran: nothing to undo.
        }
    }

    private void run(Installation kannel, String username, String password, String replyUrl) throws IOException {
        Path configuration = writeConfiguration(Map.of(
                "adminPort", String.valueOf(adminPort),
                "adminPassword", adminPassword,
                "smsboxPort", String.valueOf(smsboxPort),
                "fakeSmscPort", String.valueOf(fakeSmscPort),
                "sendsmsPort", String.valueOf(sendsmsPort),
                "folder", folder.toString(),
                "username", username,
                "password", password,
                "replyUrl", replyUrl));

        launch("bearerbox", kannel.bearerbox().toString(), "-v", "1", configuration.toString());
        // Its status page lists the fake SMSC once bearerbox listens for both smsbox and fakesmsc.
        awaitStatus("bearerbox listens for smsbox and fakesmsc", "FAKE:" + fakeSmscPort + " (");

        launch("smsbox", kannel.smsbox().toString(), "-v", "1", configuration.toString());
        // Interactive mode (no message on the command line): each line on its stdin is an SMS to send. -v 0: it logs
        // each SMS it gets only at debug level.
        Process fakesmsc = launch("fakesmsc", kannel.fakesmsc().toString(), "-H", "127.0.0.1",
                "-r", String.valueOf(fakeSmscPort), "-i", "0", "-v", "0");
        citizens = fakesmsc.getOutputStream();

        awaitStatus("smsbox is connected", "smsbox:", "(on-line");
        awaitStatus("fakesmsc is connected", "FAKE:" + fakeSmscPort + " (online");
        await("smsbox answers at " + sendUrl()).atMost(START_WITHIN).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    requireAlive();
                    return get(sendUrl()).statusCode() > 0;
                });
    }

    private Path writeConfiguration(Map<String, String> values) throws IOException {
        String template;
        try (InputStream in = KannelGateway.class.getResourceAsStream("/kannel/kannel.conf")) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/kannel/kannel.conf is missing");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder configuration = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("kannel.conf has a placeholder without a value: " + placeholder.group());
            }
            if (value.contains("\"") || value.contains("\n")) {
                throw new IllegalArgumentException("A quote or line break cannot go into kannel.conf: " + value);
            }
            placeholder.appendReplacement(configuration, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(configuration);
        return Files.writeString(folder.resolve("kannel.conf"), configuration);
    }

    private Process launch(String name, String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".out").toFile())
                .start();
        processes.add(process);
        return process;
    }

    private void awaitStatus(String what, String... lines) {
        await(what).atMost(START_WITHIN).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    requireAlive();
                    String status = get("http://127.0.0.1:" + adminPort + "/status.txt?password=" + adminPassword)
                            .body();
                    return status.lines().anyMatch(line -> Stream.of(lines).allMatch(line::contains));
                });
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void requireAlive() {
        for (Process process : processes) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.info().command().orElse("A Kannel process")
                        + " ended with exit code " + process.exitValue());
            }
        }
    }

    private List<String> fakesmscLog() {
        try {
            // Decoded leniently: the last line may still be half written.
            return new String(Files.readAllBytes(folder.resolve("fakesmsc.out")), StandardCharsets.UTF_8)
                    .lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int citizenSmsSentSoFar() {
        return fakesmscLog().stream()
                .map(FAKESMSC_SENT::matcher)
                .filter(Matcher::find)
                .mapToInt(sent -> Integer.parseInt(sent.group(1)))
                .max().orElse(0);
    }

    private synchronized void kill() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Kannel's process " + process.pid() + " outlived SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        processes.clear();
    }

    private String logTails() {
        StringBuilder tails = new StringBuilder();
        for (String log : List.of("bearerbox.out", "smsbox.out", "fakesmsc.out")) {
            Path file = folder.resolve(log);
            if (Files.exists(file)) {
                try {
                    List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
                    tails.append("\n--- ").append(log).append(", last lines:\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())));
                } catch (IOException e) {
                    tails.append("\n--- ").append(log).append(" unreadable: ").append(e);
                }
            }
        }
        return tails.toString();
    }

    /** Ports free now, all different: each is held until all are chosen. */
    private static int[] freeLoopbackPorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closing a listening socket nobody connected to: nothing to lose.
                }
            }
        }
    }

    /** Where Debian puts Kannel: bearerbox and smsbox in /usr/sbin (not on every user's PATH), fakesmsc apart. */
    private record Installation(Path bearerbox, Path smsbox, Path fakesmsc) {

        static Optional<Installation> find() {
            Optional<Path> bearerbox = executable("bearerbox", "/usr/sbin");
            Optional<Path> smsbox = executable("smsbox", "/usr/sbin");
            Optional<Path> fakesmsc = executable("fakesmsc", "/usr/lib/kannel/test");
            if (bearerbox.isEmpty() || smsbox.isEmpty() || fakesmsc.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Installation(bearerbox.get(), smsbox.get(), fakesmsc.get()));
        }

        private static Optional<Path> executable(String name, String debianFolder) {
            List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
            folders.add(debianFolder);
            return folders.stream()
                    .filter(folder -> !folder.isEmpty())
                    .map(folder -> Path.of(folder, name))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }
}
