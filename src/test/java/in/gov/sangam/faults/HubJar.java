package in.gov.sangam.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The packaged hub as a process of its own, so that a test can kill it as a crash would (SIGKILL: no shutdown hook,
 * no graceful stop) and start it again on the same data directory.
 */
final class HubJar implements AutoCloseable {

    /**
     * JVM options that halve the hub's start-up on a small machine (the client compiler only, the serial collector):
     * fault tests start hubs again and again, and nothing they check depends on the JIT or the collector.
     */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * The secret a department this test points somewhere of its own takes (the recording stub asks for none, the
     * addresses where nothing answers never get to): an operator sets one for every department, and a hub started
     * without it refuses to start.
     */
    static String passwordOf(String department) {
        return "sangam.connectors." + department + ".credentials.password=fault-test";
    }

    private final Path dataDir;
    private final int port;
    /** Where the hub's JVM answers JMX, on this machine only: the test reads its broker's queues there. */
    private final int jmxPort = freePort();
    private final List<String> settings;
    private Process process;

    private HubJar(Path dataDir, int port, List<String> settings) {
        this.dataDir = dataDir;
        this.port = port;
        this.settings = settings;
    }

    /** Starts the jar built by {@code mvn package} and waits until it is ready. */
    static HubJar start(Path dataDir, List<String> databaseSettings, String... settings) {
        List<String> all = new ArrayList<>(databaseSettings);
        all.addAll(List.of(settings));
        HubJar hub = new HubJar(dataDir, freePort(), all);
        hub.startProcess();
        hub.awaitReady();
        return hub;
    }

    /**
     * Starts hubs at once, as in a deployment (Flyway's lock lets one of them migrate a shared database), and waits
     * until each is ready: all of them or none, a hub that started being stopped again if another could not start.
     */
    @SafeVarargs
    static List<HubJar> startTogether(Supplier<HubJar>... starts) {
        List<CompletableFuture<HubJar>> starting = Stream.of(starts).map(CompletableFuture::supplyAsync).toList();
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failed) {
            for (CompletableFuture<HubJar> hub : starting) {
                if (!hub.isCompletedExceptionally()) {
                    hub.join().close();
                }
            }
            throw failed;
        }
        return starting.stream().map(CompletableFuture::join).toList();
    }

    int port() {
        return port;
    }

    /** Kills the process as a crash would, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts it again on the same data directory and port, with each of {@code changes} ({@code name=value})
     * replacing the setting of that name (and kept for later restarts): for a test that runs one part of the hub
     * only in one of its lives (the outbox relay off while a backlog is made, for instance).
     */
    void restart(String... changes) {
        launch(changes);
        awaitReady();
    }

    /**
     * As {@link #restart}, without waiting until the hub is ready: for a test that watches for the hub at work from
     * outside (a department receiving its requests) and kills it then, however early that is.
     */
    void launch(String... changes) {
        for (String change : changes) {
            String name = change.substring(0, change.indexOf('=') + 1);
            settings.removeIf(setting -> setting.startsWith(name));
            settings.add(change);
        }
        startProcess();
    }

    /**
     * Waits until {@code condition} holds while the hub runs. A hub that exits on the way fails the wait at once,
     * and a wait that fails (exit or time-out) says what the hub last printed, which CI keeps no other way.
     */
    void awaitWhileRunning(Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(10)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The hub exited with " + process.exitValue());
                }
                return condition.call();
            });
        } catch (RuntimeException failed) {
            throw new AssertionError(failed.getMessage() + "\nThe hub's last lines:\n" + lastLines(80), failed);
        }
    }

    /** The last lines of what the hub printed, in all its lives. */
    String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("hub.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(hub.log cannot be read: " + e.getMessage() + ")";
        }
    }

    /**
     * How many messages a queue of the hub's embedded broker holds now, those being delivered included (its JMX
     * {@code MessageCount}): 0 means every message put there was consumed and acknowledged.
     */
    long messageCount(String queue) {
        try (JMXConnector connector = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection broker = connector.getMBeanServerConnection();
            Set<ObjectName> found = broker.queryNames(new ObjectName("org.apache.activemq.artemis:"
                    + "component=addresses,subcomponent=queues,queue=\"" + queue + "\",*"), null);
            if (found.size() != 1) {
                throw new IllegalStateException("The hub's broker has no queue " + queue + " (" + found + ")");
            }
            return (Long) broker.getAttribute(found.iterator().next(), "MessageCount");
        } catch (IOException | JMException e) {
            throw new IllegalStateException("The hub's broker could not be asked about " + queue, e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void startProcess() {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(QUICK_START);
        command.addAll(List.of(
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=localhost", "-Djava.rmi.server.hostname=localhost",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-jar", jar().toString(), "--server.port=" + port, "--sangam.data-dir=" + dataDir));
        settings.forEach(setting -> command.add("--" + setting));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("hub.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the hub answers through its routes (the catalogue). A hub that does not come up is killed, not left
     * running behind the failed test.
     */
    void awaitReady() {
        try {
            awaitRoutes();
        } catch (RuntimeException notReady) {
            kill();
            throw new AssertionError(notReady.getMessage() + "\nThe hub's last lines:\n" + lastLines(80), notReady);
        }
    }

    private void awaitRoutes() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The hub exited with " + process.exitValue() + "; see "
                        + dataDir.resolve("hub.log"));
            }
            try {
                // Ready means the routes run: the catalogue answers through Camel.
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/departments"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("sangam-hub-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run mvn package first"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
