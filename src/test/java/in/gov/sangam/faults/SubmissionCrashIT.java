package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A citizen who holds an acknowledgement number finds the application behind it, even when the hub died the
 * instant after answering: the packaged hub, on its embedded default (H2 and Artemis under one data directory) and on
 * PostgreSQL, takes submissions from 8 threads and is killed with SIGKILL once 600 have been acknowledged; started
 * again on the same data, it has every one of them.
 */
@Timeout(600)
class SubmissionCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionCrashIT.class);
    private static final int THREADS = 8;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 600;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everyAcknowledgedSubmissionIsThereAfterAKill(String databaseName) throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-crash-");
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try (HubDatabase database = HubDatabase.named(databaseName);
                HubJar hub = HubJar.start(dataDir, database.settings(),
                        // No department is called: this test is about what the hub itself keeps.
                        "sangam.demo.auto-progress=false",
                        "sangam.connectors.dispatch-enabled=false", "sangam.security.rate-limits.enabled=false")) {
            HubClient client = new HubClient(hub.port());
            client.token("portal");
            CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_THE_KILL);
            ExecutorService load = Executors.newFixedThreadPool(THREADS);
            for (int i = 0; i < THREADS; i++) {
                load.submit(() -> submitUntilTheHubIsGone(client, acknowledged, enough));
            }
            enough.await(5, TimeUnit.MINUTES);
            hub.kill();
            load.shutdown();
            assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            int before = acknowledged.size();

            hub.restart();

            HubClient afterwards = new HubClient(hub.port());
            List<String> missing = new ArrayList<>();
            for (String id : acknowledged) {
                if (afterwards.get("/api/v1/applications/" + id, "admin").status() != 200) {
                    missing.add(id);
                }
            }
            LOG.info("On {}: {} submissions acknowledged before the kill, {} missing after the restart", database,
                    before, missing.size());
            assertThat(before).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL);
            assertThat(missing).isEmpty();
        }
    }

    private static void submitUntilTheHubIsGone(HubClient client, Queue<String> acknowledged, CountDownLatch enough) {
        while (true) {
            try {
                HubClient.Answer answer = client.submit("portal", UUID.randomUUID().toString(),
                        Applications.domicile("Ghulam Nabi Bhat"));
                if (answer.status() == 201) {
                    acknowledged.add(answer.json().path("applicationId").asText());
                    enough.countDown();
                }
            } catch (RuntimeException hubGone) {
                return;
            }
        }
    }
}
