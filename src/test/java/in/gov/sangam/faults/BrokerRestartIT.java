package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hub outlives its broker: the packaged hub in the production shape (PostgreSQL, an external ActiveMQ Artemis
 * in a process of its own, configured by {@code ops/artemis/broker.xml}) takes health applications from 4 portal
 * threads and dispatches them to a recording department while the broker is stopped (SIGTERM), then killed
 * (SIGKILL), under that load, and started again on the same journal. While the broker is gone the hub says it is not
 * ready, yet keeps acknowledging submissions, which wait in its outbox; once the broker is back the hub is ready
 * again by itself and every acknowledged application reaches the department, none of them twice: an application
 * the department took is recorded in the database, whatever becomes of its message.
 *
 * <p>One hub lives through both outages: starting it is most of the time this test takes.
 */
@Timeout(360)
class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final int THREADS = 4;
    /** Acknowledged before each outage, and again after it. */
    private static final int ACKNOWLEDGED_BETWEEN_OUTAGES = 100;
    /** Acknowledged while the broker is gone: they can only wait in the outbox. */
    private static final int ACKNOWLEDGED_WHILE_GONE = 30;

    /** Stopped by an operator (SIGTERM), and killed as a crash would (SIGKILL). */
    private enum Outage { STOPPED, KILLED }

    @Test
    void theHubIsUnreadyWhileItsBrokerIsGoneAndLosesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-broker-restart-");
        try (RestartablePostgres postgres = RestartablePostgres.start(dataDir.resolve("postgres"));
                BrokerProcess broker = BrokerProcess.start(dataDir.resolve("broker"));
                RecordingDepartment health = RecordingDepartment.health(Duration.ofMillis(50));
                HubJar hub = HubJar.start(Files.createDirectories(dataDir.resolve("hub")), postgres.hubSettings(),
                        settings(broker, health))) {
            HubClient client = new HubClient(hub.port());
            JdbcClient database = JdbcClient.create(postgres.dataSource());
            SubmissionLoad load = new SubmissionLoad(Applications.forService(client, "health-birth-registration"));
            load.start(THREADS, new SubmissionLoad.Node("hub", () -> client));

            for (Outage outage : Outage.values()) {
                int before = load.acknowledged().size();
                load.allow(ACKNOWLEDGED_BETWEEN_OUTAGES);
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> load.acknowledged().size() >= before + ACKNOWLEDGED_BETWEEN_OUTAGES);
                if (outage == Outage.STOPPED) {
                    broker.stop();
                } else {
                    broker.kill();
                }
                Instant gone = Instant.now();
                int whenGone = load.acknowledged().size();
                LOG.info("Broker {} with {} acknowledged", outage, whenGone);
                load.allow(ACKNOWLEDGED_WHILE_GONE);
                await("readiness 503 while the broker is gone").atMost(Duration.ofMinutes(1))
                        .until(() -> Readiness.of(hub.port()) == 503);
                await("submissions acknowledged while the broker is gone").atMost(Duration.ofMinutes(1))
                        .until(() -> load.acknowledged().size() >= whenGone + ACKNOWLEDGED_WHILE_GONE);
                int waitingInTheOutbox = pendingInTheOutbox(database);
                Instant back = Instant.now();
                broker.restart();
                LOG.info("Broker started again after {} s, {} messages waiting in the outbox", Duration.between(gone,
                        back).toSeconds(), waitingInTheOutbox);
                await("readiness 200 again, by itself").atMost(Duration.ofMinutes(2))
                        .until(() -> Readiness.of(hub.port()) == 200);
                LOG.info("Ready again {} s after the broker", Duration.between(back, Instant.now()).toSeconds());
                // What was acknowledged while the broker was gone could not be published: the outbox held it.
                assertThat(waitingInTheOutbox).isGreaterThanOrEqualTo(1);
            }
            int beforeTheEnd = load.acknowledged().size();
            load.allow(ACKNOWLEDGED_BETWEEN_OUTAGES);
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> load.acknowledged().size() >= beforeTheEnd + ACKNOWLEDGED_BETWEEN_OUTAGES);
            load.stop();

            Set<String> acknowledged = load.acknowledged().keySet();
            List<String> missing = AcknowledgedApplications.missing(client, acknowledged);
            List<String> stuck = AcknowledgedApplications.stuck(client, acknowledged, Duration.ofMinutes(2));
            Map<String, Integer> repeats = AcknowledgedApplications.repeats(health);
            int deadLetters = AcknowledgedApplications.deadLetters(client);
            LOG.info("Through the broker stopped and killed: {} acknowledged, {} missing, {} stuck SUBMITTED, {} dead "
                    + "letters, {} left in the outbox; sent to the department more than once: {}", acknowledged.size(),
                    missing.size(), stuck.size(), deadLetters, pendingInTheOutbox(database), repeats);
            assertThat(load.answers()).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString())
                    .isEqualTo(201));
            assertThat(missing).as("acknowledged but missing").isEmpty();
            assertThat(stuck).as("acknowledged but never handed to the department").isEmpty();
            assertThat(deadLetters).as("dead letters").isZero();
            assertThat(health.requests().keySet()).containsAll(acknowledged);
            // A message the broker lost hold of comes back, but the department's acceptance was recorded in the
            // database before: it is never sent again.
            assertThat(repeats).as("sent to the department more than once").isEmpty();
        }
    }

    private static String[] settings(BrokerProcess broker, RecordingDepartment health) {
        List<String> settings = new ArrayList<>(broker.hubSettings());
        settings.addAll(List.of("sangam.simulators.enabled=false", "sangam.demo.auto-progress=false",
                "sangam.security.rate-limits.enabled=false", "sangam.connectors.health.endpoint=" + health.url(),
                // As in production, no demo simulators: the departments this test does not use point at
                // addresses where nothing answers (their connectors start, and wait).
                "sangam.connectors.revenue.endpoint=http://localhost:9",
                "sangam.connectors.education.endpoint=sftp://localhost:9", HubJar.passwordOf("health"),
                HubJar.passwordOf("revenue"), HubJar.passwordOf("education")));
        return settings.toArray(String[]::new);
    }

    private static int pendingInTheOutbox(JdbcClient database) {
        return database.sql("SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL").query(Integer.class)
                .single();
    }
}
