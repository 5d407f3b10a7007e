package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A department that reports progress by call-back, and repeats a call until the hub answers it, loses no step and
 * completes no application twice, even when the hub is killed between its calls: on H2 and on PostgreSQL, 8 threads
 * of the health department take applications from registered to delivered, the hub is killed with SIGKILL halfway,
 * and once it is back every application is DELIVERED with one DELIVERED step and one completion.
 */
@Timeout(900)
class CallbackCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackCrashIT.class);
    private static final int APPLICATIONS = 120;
    private static final int THREADS = 8;
    private static final String CALLBACK = "/api/v1/departments/health/status-updates";
    /** HMIS's codes, in the order an application moves: registered, under scrutiny, approved. */
    private static final List<String> STEPS = List.of("REG", "SCR", "APR");

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everyReportedStepIsAppliedOnceAndEveryApplicationCompletesOnce(String databaseName) throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-callback-crash-");
        try (HubDatabase database = HubDatabase.named(databaseName);
                HubJar hub = HubJar.start(dataDir, database.settings(),
                        "sangam.demo.auto-progress=false", "sangam.security.rate-limits.enabled=false",
                        // The department's system is this test: nothing is dispatched to it.
                        "sangam.connectors.dispatch-enabled=false")) {
            AtomicReference<HubClient> client = new AtomicReference<>(new HubClient(hub.port()));
            List<String> ids = new ArrayList<>();
            String submission = Applications.forService(client.get(), "health-birth-registration");
            for (int i = 0; i < APPLICATIONS; i++) {
                ids.add(client.get().submit("portal", UUID.randomUUID().toString(), submission).json()
                        .path("applicationId").asText());
            }
            Queue<String> toReport = new ConcurrentLinkedQueue<>(ids);
            CountDownLatch halfway = new CountDownLatch(APPLICATIONS * STEPS.size() / 2);
            ExecutorService department = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> reporters = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                reporters.add(department.submit(() -> {
                    for (String id = toReport.poll(); id != null; id = toReport.poll()) {
                        for (String step : STEPS) {
                            reportUntilAnswered(client, id, step);
                            halfway.countDown();
                        }
                    }
                    return null;
                }));
            }
            halfway.await(5, TimeUnit.MINUTES);
            hub.kill();
            hub.restart();
            // Tokens of the first run were signed with a key the new process does not have.
            client.set(new HubClient(hub.port()));
            for (var reporter : reporters) {
                reporter.get(5, TimeUnit.MINUTES);
            }
            department.shutdown();

            int completedTwice = 0;
            for (String id : ids) {
                JsonNode application = client.get().get("/api/v1/applications/" + id, "admin").json();
                assertThat(application.path("status").asText()).as(id).isEqualTo("DELIVERED");
                List<String> steps = new ArrayList<>();
                application.path("history").forEach(step -> steps.add(step.path("status").asText()));
                assertThat(steps).as(id).containsExactly("SUBMITTED", "FORWARDED", "IN_PROCESS", "DELIVERED");
                JsonNode audit = client.get().get("/api/v1/admin/audit?applicationId=" + id + "&size=100", "admin")
                        .json();
                int completions = 0;
                for (JsonNode entry : audit.path("items")) {
                    completions += "DELIVERED".equals(entry.path("statusAfter").asText()) ? 1 : 0;
                }
                completedTwice += completions > 1 ? 1 : 0;
                assertThat(completions).as(id).isEqualTo(1);
            }
            LOG.info("On {}: {} applications reported on through a kill; all DELIVERED, {} completed twice", database,
                    ids.size(), completedTwice);
        }
    }

    /**
     * A department repeats a call until it is answered, as call-backs are delivered at least once: while the hub is
     * down, and while its client still holds a token from before the restart (401), the call is made again.
     */
    private static void reportUntilAnswered(AtomicReference<HubClient> client, String id, String step)
            throws InterruptedException {
        String body = "{\"applicationId\": \"" + id + "\", \"status\": \"" + step + "\"}";
        while (true) {
            HubClient.Answer answer = null;
            try {
                answer = client.get().post(CALLBACK, "dept-health", null, "application/json", body);
            } catch (RuntimeException hubDown) {
                // Not answered: the department calls again.
            }
            if (answer != null && answer.status() == 200) {
                return;
            }
            if (answer != null && answer.status() != 401) {
                throw new IllegalStateException(id + " " + step + " answered " + answer.status() + ": "
                        + answer.response().body());
            }
            // The department's back-off between repeats (what it simulates, not a wait for the test's sake), so
            // that 8 callers do not spin on a port nobody listens on while the hub starts again.
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
