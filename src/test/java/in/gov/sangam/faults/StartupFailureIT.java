package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A start-up that fails ends the process with a non-zero exit and leaves no port behind, so a supervisor restarts
 * it and the next start finds its ports free. The packaged jar is started with one simulator's port already taken:
 * the simulators started before it must be closed again.
 */
@Timeout(300)
class StartupFailureIT {

    @Test
    void aFailedStartExitsNonZeroAndReleasesEveryPort() throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-failed-start-");
        int educationPort = HubJar.freePort();
        int hubPort = HubJar.freePort();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            // Education's SFTP simulator starts first; then revenue's cannot bind its port, and the start fails.
            Process hub = new ProcessBuilder(List.of(HubJar.javaExecutable(), "-jar", HubJar.jar().toString(),
                    "--server.port=" + hubPort, "--sangam.data-dir=" + dataDir,
                    "--sangam.demo.simulators.education.port=" + educationPort,
                    "--sangam.demo.simulators.revenue.port=" + taken.getLocalPort()))
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("hub.log").toFile())
                    .start();
            try {
                await().atMost(Duration.ofMinutes(3)).until(() -> !hub.isAlive());
                assertThat(hub.exitValue()).as("exit code; see " + dataDir.resolve("hub.log")).isNotZero();
                assertThat(Files.readString(dataDir.resolve("hub.log"))).contains("Simulator of education listening");
                assertThat(free(educationPort)).as("education's simulator port is released").isTrue();
                assertThat(free(hubPort)).as("the hub's own port is released").isTrue();
            } finally {
                hub.destroyForcibly();
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
