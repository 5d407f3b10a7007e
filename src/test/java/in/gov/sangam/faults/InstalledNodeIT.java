package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node installed as the README installs it: {@code ops/install.sh} extracts the packaged jar and trains a
 * class-data-sharing archive on a whole start, and the node started from it becomes ready with the hub's own classes,
 * and Camel's, taken from the archive (were the archive stale or unusable, the JVM would quietly load them the slow
 * way).
 */
@Timeout(720)
class InstalledNodeIT {

    @Test
    void anInstalledNodeStartsWithItsClassesFromTheArchive() throws Exception {
        Path work = Files.createTempDirectory("sangam-installed-");
        Path installed = work.resolve("node");
        ProcessBuilder installer = new ProcessBuilder("bash", "ops/install.sh", HubJar.jar().toString(),
                installed.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("install.log").toFile());
        // The archive fits only the JDK that makes it: the one the node is started with below.
        installer.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process install = installer.start();
        try {
            // Its training start alone may take up to 5 minutes, and 2 more to stop, before the script gives up.
            await().atMost(Duration.ofMinutes(8)).until(() -> !install.isAlive());
        } finally {
            install.destroy();
        }
        assertThat(install.exitValue()).as("ops/install.sh exit code; see " + work.resolve("install.log")).isZero();
        assertThat(installed.resolve("sangam-hub.jsa")).isNotEmptyFile();

        int port = HubJar.freePort();
        Path classLog = work.resolve("classes.log");
        // Started as the README starts the demo from an installed node: its JVM options are HubJar's quick start.
        List<String> command = new ArrayList<>(List.of(HubJar.javaExecutable()));
        command.addAll(HubJar.QUICK_START);
        command.addAll(List.of("-XX:SharedArchiveFile=" + installed.resolve("sangam-hub.jsa"),
                "-Xlog:class+load=info:file=" + classLog,
                "-jar", installed.resolve("sangam-hub.jar").toString(),
                "--server.port=" + port, "--sangam.data-dir=" + work.resolve("data")));
        Process node = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("hub.log").toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !node.isAlive() || Readiness.of(port) == 200);
            assertThat(node.isAlive()).as("the installed node runs; see " + work.resolve("hub.log")).isTrue();
            List<String> classes = Files.readAllLines(classLog);
            assertThat(classes)
                    .as("the hub's classes come from the archive")
                    .anyMatch(line -> sharedFromTheArchive(line, "in.gov.sangam.SangamApplication"));
            // Camel reads and builds its routes after Spring's context is refreshed: a training start stopped at the
            // refresh (-Dspring.context.exit=onRefresh) would leave these, and a sixth of all classes, out.
            assertThat(classes)
                    .as("the classes Camel loads to read and build the routes come from the archive too")
                    .anyMatch(line -> sharedFromTheArchive(line, "org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader"))
                    .anyMatch(line -> sharedFromTheArchive(line, "org.apache.camel.reifier.RouteReifier"));
        } finally {
            node.destroy();
            node.waitFor();
        }
    }

    private static boolean sharedFromTheArchive(String classLogLine, String className) {
        return classLogLine.contains("] " + className + " source: shared objects file");
    }
}
