package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.CompletionEvents;
import in.gov.sangam.support.HubClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production shape, two nodes, one killed: two packaged hubs on one PostgreSQL and one external Artemis (from
 * {@code ops/artemis/broker.xml}) take health applications from portal threads on each, dispatch them to a recording
 * department and take its call-backs, which drive some applications to DELIVERED. Node A is killed with SIGKILL
 * under that load; node B carries on alone (its submissions are acknowledged and dispatched, and so is what A left
 * in flight). Once A is back, every acknowledged application is there once and dispatched, sent twice only if it
 * was in flight at the kill, and each completed application's event was consumed once by each subscriber.
 *
 * <p>The embedded token server of each node signs with a key of its own: each node is called with its own tokens.
 */
@Timeout(480)
class TwoNodesIT {

    private static final Logger LOG = LoggerFactory.getLogger(TwoNodesIT.class);
    private static final int THREADS_PER_NODE = 2;
    /** Acknowledged through each node's portal threads before the kill, */
    private static final int PER_NODE_BEFORE_THE_KILL = 75;
    /** allowed just before it (so that submissions to A are in flight when it dies; B takes them over), */
    private static final int PER_NODE_WHILE_A_IS_GONE = 30;
    /** and once A is back. */
    private static final int PER_NODE_AFTER_A_IS_BACK = 30;
    /** Applications the department drives to DELIVERED by call-backs, through the kill. */
    private static final int COMPLETED_BY_THE_DEPARTMENT = 60;
    /** Applications a node sends to the department at once (the connector template's default). */
    private static final int IN_FLIGHT_AT_MOST = 2;
    private static final List<String> SUBSCRIBERS = List.of("feedback", "appeal");

    @Test
    void theOtherNodeCarriesOnAndNothingIsLostOrDoneTwice() throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-two-nodes-");
        try (RestartablePostgres postgres = RestartablePostgres.start(dataDir.resolve("postgres"));
                BrokerProcess broker = BrokerProcess.start(dataDir.resolve("broker"));
                RecordingDepartment health = RecordingDepartment.health(Duration.ofMillis(50))) {
            // Both nodes start at once, as in a deployment; Flyway's lock lets one of them migrate the database.
            List<HubJar> nodes = HubJar.startTogether(() -> node(dataDir.resolve("a"), postgres, broker, health),
                    () -> node(dataDir.resolve("b"), postgres, broker, health));
            String submission = Applications.forService(new HubClient(nodes.get(1).port()),
                    "health-birth-registration");
            try (HubJar a = nodes.get(0); HubJar b = nodes.get(1);
                    // The portal's threads of each node: to A, or to B when A does not answer; and the other way.
                    SubmissionLoad throughA = new SubmissionLoad(submission);
                    SubmissionLoad throughB = new SubmissionLoad(submission)) {
                AtomicReference<HubClient> clientA = new AtomicReference<>(new HubClient(a.port()));
                HubClient clientB = new HubClient(b.port());
                SubmissionLoad.Node nodeA = new SubmissionLoad.Node("A", clientA::get);
                SubmissionLoad.Node nodeB = new SubmissionLoad.Node("B", () -> clientB);
                JdbcClient database = JdbcClient.create(postgres.dataSource());
                CallingDepartment department = new CallingDepartment(List.of(nodeA, nodeB));
                throughA.start(THREADS_PER_NODE, nodeA, nodeB);
                throughB.start(THREADS_PER_NODE, nodeB, nodeA);

                allowAndAwait(PER_NODE_BEFORE_THE_KILL, throughA, throughB);
                department.complete(first(COMPLETED_BY_THE_DEPARTMENT, throughA, throughB), 2);
                // The kill meets submissions, dispatches and call-backs on A.
                await().atMost(Duration.ofMinutes(3))
                        .until(() -> department.completed().size() >= COMPLETED_BY_THE_DEPARTMENT / 3);
                throughA.allow(PER_NODE_WHILE_A_IS_GONE);
                throughB.allow(PER_NODE_WHILE_A_IS_GONE);
                a.kill();
                Map<String, String> beforeTheKill = acknowledged(throughA, throughB);
                LOG.info("Node A killed; {} acknowledged ({} by A), {} completed by the department",
                        beforeTheKill.size(), count("A", beforeTheKill), department.completed().size());

                // B alone: it acknowledges what the portal sends to either node, and hands every application to the
                // department, also those A had acknowledged and not yet dispatched.
                await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged(throughA, throughB).size()
                        >= 2 * (PER_NODE_BEFORE_THE_KILL + PER_NODE_WHILE_A_IS_GONE));
                Map<String, String> whileAWasGone = acknowledged(throughA, throughB);
                List<String> notDispatchedByB = AcknowledgedApplications.stuck(clientB, whileAWasGone.keySet(),
                        Duration.ofMinutes(2));
                LOG.info("With A gone, B acknowledged {} more ({} of them already stored by A, which died before "
                        + "answering); {} acknowledged in all, {} not yet dispatched",
                        count("B", whileAWasGone) - count("B", beforeTheKill), throughA.answers().stream()
                                .filter(answer -> answer.node().equals("B") && answer.status() == 200).count(),
                        whileAWasGone.size(), notDispatchedByB.size());
                assertThat(notDispatchedByB).as("not dispatched while A was gone").isEmpty();

                a.restart();
                clientA.set(new HubClient(a.port()));
                allowAndAwait(PER_NODE_AFTER_A_IS_BACK, throughA, throughB);
                throughA.stop();
                throughB.stop();
                department.awaitDone(Duration.ofMinutes(3));

                Map<String, String> acknowledged = acknowledged(throughA, throughB);
                List<String> missing = AcknowledgedApplications.missing(clientB, acknowledged.keySet());
                int stored = database.sql("SELECT COUNT(*) FROM application").query(Integer.class).single();
                List<String> stuck = AcknowledgedApplications.stuck(clientB, acknowledged.keySet(),
                        Duration.ofMinutes(2));
                Map<String, Integer> repeats = AcknowledgedApplications.repeats(health);
                CompletionEvents events = new CompletionEvents(database);
                List<String> notConsumedOnce = new ArrayList<>();
                try {
                    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                        notConsumedOnce.clear();
                        notConsumedOnce.addAll(notConsumedOnceByEach(events, department.completed()));
                        return notConsumedOnce.isEmpty();
                    });
                } catch (ConditionTimeoutException reportedBelow) {
                    // The figures say which.
                }
                LOG.info("Two nodes, A killed: {} acknowledged ({} by A, {} by B), {} stored, {} missing, {} stuck "
                        + "SUBMITTED, {} dead letters; {} completed by call-backs, {} of them without exactly one "
                        + "event consumed once by each subscriber; sent to the department more than once: {}",
                        acknowledged.size(), count("A", acknowledged), count("B", acknowledged), stored,
                        missing.size(), stuck.size(), AcknowledgedApplications.deadLetters(clientB),
                        department.completed().size(), notConsumedOnce.size(), repeats);

                assertThat(beforeTheKill.values()).as("acknowledged by each node before the kill").contains("A", "B");
                assertThat(count("A", acknowledged)).as("acknowledged by A once it is back")
                        .isEqualTo(count("A", whileAWasGone) + PER_NODE_AFTER_A_IS_BACK);
                assertThat(missing).as("acknowledged but missing").isEmpty();
                // Once: a submission repeated on B after A died without answering made no second application.
                assertThat(stored).as("applications stored").isEqualTo(acknowledged.size());
                assertThat(stuck).as("acknowledged but never handed to the department").isEmpty();
                assertThat(AcknowledgedApplications.deadLetters(clientB)).as("dead letters").isZero();
                assertThat(health.requests().keySet()).containsAll(acknowledged.keySet());
                // Sent again only if A was sending it when it died: the department took it, A could not record it.
                assertThat(repeats).hasSizeLessThanOrEqualTo(IN_FLIGHT_AT_MOST)
                        .allSatisfy((id, count) -> assertThat(count).isEqualTo(2));
                assertThat(department.completed()).hasSize(COMPLETED_BY_THE_DEPARTMENT);
                assertThat(notConsumedOnce).as("completion events not consumed exactly once by each subscriber")
                        .isEmpty();
            }
        }
    }

    /** Lets each load have {@code count} more applications acknowledged, and waits until they are. */
    private static void allowAndAwait(int count, SubmissionLoad... loads) {
        int before = acknowledged(loads).size();
        for (SubmissionLoad load : loads) {
            load.allow(count);
        }
        await().atMost(Duration.ofMinutes(2))
                .until(() -> acknowledged(loads).size() >= before + count * loads.length);
    }

    /** Every application acknowledged through these loads, each with the node that acknowledged it. */
    private static Map<String, String> acknowledged(SubmissionLoad... loads) {
        Map<String, String> acknowledged = new HashMap<>();
        for (SubmissionLoad load : loads) {
            acknowledged.putAll(load.acknowledged());
        }
        return acknowledged;
    }

    private static List<String> first(int count, SubmissionLoad... loads) {
        return new ArrayList<>(acknowledged(loads).keySet()).subList(0, count);
    }

    private static long count(String node, Map<String, String> acknowledged) {
        return acknowledged.values().stream().filter(node::equals).count();
    }

    private static HubJar node(Path dataDir, RestartablePostgres postgres, BrokerProcess broker,
            RecordingDepartment health) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> settings = new ArrayList<>(broker.hubSettings());
        settings.addAll(List.of("sangam.simulators.enabled=false", "sangam.demo.auto-progress=false",
                "sangam.security.rate-limits.enabled=false", "sangam.connectors.health.endpoint=" + health.url(),
                // As in production, no demo simulators: the departments this test does not use point at
                // addresses where nothing answers (their connectors start, and wait).
                "sangam.connectors.revenue.endpoint=http://localhost:9",
                "sangam.connectors.education.endpoint=sftp://localhost:9", HubJar.passwordOf("health"),
                HubJar.passwordOf("revenue"), HubJar.passwordOf("education")));
        return HubJar.start(dataDir, postgres.hubSettings(), settings.toArray(String[]::new));
    }

    /** The completed applications whose completion event is not exactly one, consumed exactly once by each. */
    private static List<String> notConsumedOnceByEach(CompletionEvents events, Set<String> completed) {
        List<String> wrong = new ArrayList<>();
        for (String id : completed) {
            List<String> eventIds = events.eventIds(id);
            if (eventIds.size() != 1
                    || SUBSCRIBERS.stream().anyMatch(subscriber -> events.consumedBy(subscriber, eventIds.get(0)) != 1)) {
                wrong.add(id);
            }
        }
        return wrong;
    }
}
