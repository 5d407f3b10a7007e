package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub outlives its database: the packaged hub on PostgreSQL (the {@code postgres} profile) takes health
 * applications from 4 portal threads and dispatches them to a recording department while PostgreSQL is stopped, then
 * killed with SIGKILL, then stopped and started at once (a fail-over's blip), under that load. While the database is gone the hub says it is not ready and answers
 * submissions 503, never with an acknowledgement it could not keep; once PostgreSQL is back it is ready again by
 * itself, without a restart, and every application it acknowledged is there and reaches the department.
 *
 * <p>One hub lives through the three outages: starting it is most of the time this test takes.
 */
@Timeout(360)
class DatabaseRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRestartIT.class);
    private static final int THREADS = 4;
    /** Acknowledged before each outage; as many more are allowed through and after it. */
    private static final int ACKNOWLEDGED_BEFORE_EACH_OUTAGE = 100;
    /** Applications sent to the department at once (the connector template's default). */
    private static final int IN_FLIGHT_AT_MOST = 2;

    /** Stopped by an operator, killed as a crash would, and stopped and started at once as in a fail-over. */
    private enum Outage { STOPPED, KILLED, RESTARTED_AT_ONCE }

    @Test
    void theHubIsUnreadyWhileItsDatabaseIsGoneAndLosesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-db-restart-");
        try (RestartablePostgres postgres = RestartablePostgres.start(dataDir.resolve("postgres"));
                RecordingDepartment health = RecordingDepartment.health(Duration.ofMillis(50));
                HubJar hub = HubJar.start(dataDir, postgres.hubSettings(), "sangam.simulators.enabled=false",
                        "sangam.demo.auto-progress=false", "sangam.security.rate-limits.enabled=false",
                        "sangam.connectors.health.endpoint=" + health.url(),
                        // As in production, no demo simulators: the departments this test does not use point at
                        // addresses where nothing answers (their connectors start, and wait).
                        "sangam.connectors.revenue.endpoint=http://localhost:9",
                        "sangam.connectors.education.endpoint=sftp://localhost:9", HubJar.passwordOf("health"),
                        HubJar.passwordOf("revenue"), HubJar.passwordOf("education"))) {
            HubClient client = new HubClient(hub.port());
            SubmissionLoad load = new SubmissionLoad(Applications.forService(client, "health-birth-registration"));
            load.start(THREADS, new SubmissionLoad.Node("hub", () -> client));

            for (Outage outage : Outage.values()) {
                // Each outage comes halfway through a phase's submissions: some are in flight when it does.
                int before = 2 * ACKNOWLEDGED_BEFORE_EACH_OUTAGE * outage.ordinal();
                await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged().size() >= before);
                load.allow(2 * ACKNOWLEDGED_BEFORE_EACH_OUTAGE);
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> load.acknowledged().size() >= before + ACKNOWLEDGED_BEFORE_EACH_OUTAGE);
                if (outage == Outage.RESTARTED_AT_ONCE) {
                    // A blip, as a fail-over is: gone for less than the hub waits for a connection.
                    postgres.stop();
                    postgres.restart();
                    LOG.info("PostgreSQL stopped and started again at once, with {} acknowledged",
                            load.acknowledged().size());
                    continue;
                }
                if (outage == Outage.STOPPED) {
                    postgres.stop();
                } else {
                    postgres.kill();
                }
                Instant gone = Instant.now();
                LOG.info("PostgreSQL {} with {} acknowledged", outage, load.acknowledged().size());
                await("readiness 503 while the database is gone").atMost(Duration.ofMinutes(1))
                        .until(() -> Readiness.of(hub.port()) == 503);
                await("a submission answered while the database is gone").atMost(Duration.ofMinutes(1))
                        .until(() -> load.askedAndAnsweredBetween(gone, Instant.now()).stream()
                                .anyMatch(answer -> answer.status() != SubmissionLoad.UNREACHABLE));
                Instant back = Instant.now();
                postgres.restart();
                LOG.info("PostgreSQL started again after {} s", Duration.between(gone, back).toSeconds());
                await("readiness 200 again, by itself").atMost(Duration.ofMinutes(2))
                        .until(() -> Readiness.of(hub.port()) == 200);
                LOG.info("Ready again {} s after PostgreSQL", Duration.between(back, Instant.now()).toSeconds());

                List<SubmissionLoad.Answer> whileGone = load.askedAndAnsweredBetween(gone, back);
                LOG.info("While PostgreSQL was {}: answers {}", outage, whileGone.stream()
                        .map(answer -> answer.status() + " " + answer.problemType()).toList());
                assertThat(whileGone).as("answered while the database was gone").isNotEmpty()
                        .allSatisfy(answer -> {
                            assertThat(answer.status()).as("never an acknowledgement").isNotIn(200, 201);
                            assertThat(answer.status()).isEqualTo(503);
                            assertThat(answer.problemType()).isEqualTo("urn:sangam:problem:service-unavailable");
                        });
            }
            int phases = Outage.values().length;
            await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged().size()
                    >= 2 * ACKNOWLEDGED_BEFORE_EACH_OUTAGE * phases);
            load.stop();

            Set<String> acknowledged = load.acknowledged().keySet();
            List<String> missing = AcknowledgedApplications.missing(client, acknowledged);
            List<String> stuck = AcknowledgedApplications.stuck(client, acknowledged, Duration.ofMinutes(2));
            Map<String, Integer> repeats = AcknowledgedApplications.repeats(health);
            int deadLetters = AcknowledgedApplications.deadLetters(client);
            LOG.info("Through PostgreSQL stopped, killed and restarted at once: {} acknowledged, {} missing, {} stuck "
                    + "SUBMITTED, {} dead letters; sent to the department more than once: {}", acknowledged.size(),
                    missing.size(), stuck.size(), deadLetters, repeats);
            // Whatever the database did, a submission was acknowledged or answered 503: never a 500.
            assertThat(load.answers()).allSatisfy(answer -> {
                if (answer.status() != 201) {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                    assertThat(answer.problemType()).isEqualTo("urn:sangam:problem:service-unavailable");
                }
            });
            assertThat(missing).as("acknowledged but missing").isEmpty();
            assertThat(deadLetters).as("dead letters").isZero();
            assertThat(stuck).as("acknowledged but never handed to the department").isEmpty();
            assertThat(health.requests().keySet()).containsAll(acknowledged);
            // Sent again only if in flight when the database went: the department took it, the hub could not record
            // it, and the message came back to be sent again.
            assertThat(repeats).hasSizeLessThanOrEqualTo(IN_FLIGHT_AT_MOST * Outage.values().length)
                    .allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
        }
    }
}
