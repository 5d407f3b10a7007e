package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * An application the department accepted is never left behind as SUBMITTED, and a department is sent an application
 * again only when the hub died while sending it: the packaged hub dispatches health applications to a slow
 * department and is killed with SIGKILL while it does, on H2 and on PostgreSQL; started again on the same data, it
 * carries every acknowledged application to FORWARDED.
 */
@Timeout(900)
class DispatchCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchCrashIT.class);
    private static final int THREADS = 8;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 200;
    /** Applications sent to the department at once (the connector template's default). */
    private static final int IN_FLIGHT_AT_MOST = 2;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everyApplicationReachesItsDepartmentAndOnlyThoseInFlightAreSentTwice(String databaseName) throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-dispatch-crash-");
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try (HubDatabase database = HubDatabase.named(databaseName);
                RecordingDepartment health = RecordingDepartment.health(Duration.ofMillis(150));
                HubJar hub = HubJar.start(dataDir, database.settings(),
                        "sangam.demo.auto-progress=false", "sangam.security.rate-limits.enabled=false",
                        // Health is the recording department; the others are the demo's simulators.
                        "sangam.connectors.health.endpoint=" + health.url(), HubJar.passwordOf("health"))) {
            HubClient client = new HubClient(hub.port());
            String submission = Applications.forService(client, "health-birth-registration");
            CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_THE_KILL);
            ExecutorService load = Executors.newFixedThreadPool(THREADS);
            for (int i = 0; i < THREADS; i++) {
                load.submit(() -> {
                    // Submissions stop at 200; the kill then meets the dispatch of those still queued.
                    while (enough.getCount() > 0) {
                        try {
                            HubClient.Answer answer = client.submit("portal", UUID.randomUUID().toString(), submission);
                            if (answer.status() == 201) {
                                acknowledged.add(answer.json().path("applicationId").asText());
                                enough.countDown();
                            }
                        } catch (RuntimeException hubGone) {
                            return;
                        }
                    }
                });
            }
            enough.await(5, TimeUnit.MINUTES);
            // The department has taken some, is taking two, and the rest wait in the hub's queue.
            await().atMost(Duration.ofMinutes(2)).until(() -> health.requests().size() >= 20);
            hub.kill();
            load.shutdown();
            assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            int sentBeforeTheKill = health.requests().size();
            // The kill came while dispatching: some applications had not been sent yet.
            assertThat(sentBeforeTheKill).isLessThan(acknowledged.size());

            hub.restart();

            HubClient afterwards = new HubClient(hub.port());
            List<String> notForwarded = new ArrayList<>(acknowledged);
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                notForwarded.removeIf(id -> afterwards.get("/api/v1/applications/" + id, "admin").json()
                        .path("status").asText().equals("FORWARDED"));
                return notForwarded.isEmpty();
            });
            Map<String, Integer> requests = health.requests();
            List<String> sentTwice = requests.entrySet().stream().filter(sent -> sent.getValue() > 1)
                    .map(Map.Entry::getKey).toList();
            LOG.info("On {}: {} acknowledged, {} sent to the department before the kill; after the restart all "
                    + "FORWARDED; sent more than once: {}", database, acknowledged.size(), sentBeforeTheKill, sentTwice);
            assertThat(requests.keySet()).containsAll(acknowledged);
            assertThat(requests.values()).allMatch(count -> count <= 2);
            assertThat(sentTwice).hasSizeLessThanOrEqualTo(IN_FLIGHT_AT_MOST);
        }
    }
}
