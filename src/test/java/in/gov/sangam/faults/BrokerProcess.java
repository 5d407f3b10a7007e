package in.gov.sangam.faults;

import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The hub's external broker as a process of its own ({@link StandaloneBroker}, configured by
 * {@code ops/artemis/broker.xml}), which a test can stop (SIGTERM), kill (SIGKILL) and start again on the same journal
 * and port, while the hub stays up.
 */
final class BrokerProcess implements AutoCloseable {

    private static final Path BROKER_XML = Path.of("ops", "artemis", "broker.xml");
    private static final String USER = "sangam";
    private static final String PASSWORD = "broker-test-password";

    private final Path dataDir;
    private final int port;
    private Process process;

    private BrokerProcess(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a broker with its journal under {@code dataDir} and waits until the hub's user can connect. */
    static BrokerProcess start(Path dataDir) {
        BrokerProcess broker = new BrokerProcess(dataDir, freePort());
        broker.startProcess();
        return broker;
    }

    /**
     * What a hub sets to use this broker, as the README's production shape says. The URL keeps the client from
     * trying the broker's own announced address as well: without it, every failed connection attempt while the
     * broker is down takes 2 s, and the readiness probe, queued behind the listeners' attempts, over 30 s.
     */
    List<String> hubSettings() {
        return List.of("spring.artemis.mode=native", "spring.artemis.embedded.enabled=false",
                "spring.artemis.broker-url=" + url() + "?useTopologyForLoadBalancing=false",
                "spring.artemis.user=" + USER, "spring.artemis.password=" + PASSWORD);
    }

    /** Stops it as an operator would (SIGTERM: the broker shuts down cleanly), and waits until it is gone. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    /** Kills it as a crash would (SIGKILL), and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Starts it again on the same journal and port. */
    void restart() {
        startProcess();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private String url() {
        return "tcp://localhost:" + port;
    }

    private void startProcess() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m"));
        command.addAll(HubJar.QUICK_START);
        command.addAll(List.of("-Ddata.dir=" + dataDir.resolve("journal"), "-Dsangam.broker.port=" + port,
                "-Dsangam.broker.host=localhost",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                StandaloneBroker.class.getName(), BROKER_XML.toAbsolutePath().toString(), USER, PASSWORD));
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitReady();
        } catch (RuntimeException notReady) {
            // A broker that did not come up is not left running behind the failed test.
            kill();
            throw notReady;
        }
    }

    private void awaitReady() {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The broker exited with " + process.exitValue() + "; see "
                            + dataDir.resolve("broker.log"));
                }
                try (Connection connection = factory.createConnection(USER, PASSWORD)) {
                    return true;
                } catch (JMSException notYet) {
                    return false;
                }
            });
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
