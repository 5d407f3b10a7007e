package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hub has committed reaches the broker once, even when the hub dies while its outbox relay publishes it: on
 * H2 and on PostgreSQL, the hub first takes 400 health applications with its relay off, the department reporting
 * half of them done by call-back (so the outbox holds their completion events among the dispatch requests); started
 * again with the relay on, it is killed with SIGKILL while the relay works through that backlog. Once it is back,
 * every application is there and where its department put it, the department got each application once (twice
 * only if it was being sent at the kill), and the broker routed each completion event to the subscribers once and each
 * subscriber consumed it once.
 *
 * <p>On PostgreSQL the kill lands where duplicate detection is needed: the test holds a lock on a completion
 * event's outbox row, so the relay stops after publishing it and before marking it published.
 */
@Timeout(600)
class OutboxRelayCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayCrashIT.class);
    private static final int APPLICATIONS = 400;
    private static final int THREADS = 8;
    private static final String CALLBACK = "/api/v1/departments/health/status-updates";
    /** Applications sent to the department at once (the connector template's default). */
    private static final int IN_FLIGHT_AT_MOST = 2;
    private static final String DISPATCH_QUEUE = "sangam.dispatch.health";
    /** Each step once: the history an application must have, by where it ends. */
    private static final Map<String, List<String>> HISTORY = Map.of(
            "DELIVERED", List.of("SUBMITTED", "FORWARDED", "DELIVERED"),
            "REJECTED", List.of("SUBMITTED", "REJECTED"),
            "FORWARDED", List.of("SUBMITTED", "FORWARDED"));

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void eachCommittedMessageIsPublishedOnceThroughAKill(String databaseName) throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-relay-crash-");
        BrokerJournal.addWitness(dataDir);
        try (HubDatabase database = HubDatabase.named(databaseName);
                RecordingDepartment health = RecordingDepartment.health(Duration.ofMillis(20));
                HubJar hub = HubJar.start(dataDir, database.settings(),
                        "sangam.demo.auto-progress=false", "sangam.security.rate-limits.enabled=false",
                        // Health is the recording department; the others are the demo's simulators.
                        "sangam.connectors.health.endpoint=" + health.url(), HubJar.passwordOf("health"),
                        // The first life only commits: everything waits in the outbox.
                        "sangam.outbox.relay-enabled=false")) {
            Map<String, String> expected = makeBacklog(new HubClient(hub.port()));
            // Nothing is in flight to kill here: the relay is off, so the broker has nothing and neither has health.
            hub.kill();
            assertThat(health.requests()).isEmpty();

            // The relay takes 20 messages at a time (not 100), so that the backlog lasts well beyond the moment the
            // department sees the first of them: the health connector starts only after the relay has.
            hub.launch("sangam.outbox.relay-enabled=true", "sangam.outbox.batch-size=20");
            // Publishing is under way once the department receives what the relay published.
            hub.awaitWhileRunning(Duration.ofMinutes(2), () -> health.requests().size() >= 5);
            Optional<FrozenRelay> frozen = database.whileTheHubRuns().map(FrozenRelay::onACompletionEvent);
            hub.kill();
            frozen.ifPresent(FrozenRelay::release);
            Map<String, Integer> sentBeforeTheKill = Map.copyOf(health.requests());

            AtTheKill atTheKill = AtTheKill.read(database, dataDir);
            LOG.info("On {}: killed with {} outbox messages published, {} not yet; {} published but not marked",
                    database, atTheKill.published(), atTheKill.pending(), atTheKill.publishedNotMarked());
            // The kill came while the relay worked through the backlog.
            assertThat(atTheKill.published()).isPositive();
            assertThat(atTheKill.pending()).isPositive();
            frozen.ifPresent(relay -> assertThat(atTheKill.publishedNotMarked()).contains(relay.messageId()));

            hub.restart();
            HubClient afterwards = new HubClient(hub.port());
            List<String> notForwardedYet = expected.entrySet().stream()
                    .filter(application -> application.getValue().equals("FORWARDED")).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(ArrayList::new));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                notForwardedYet.removeIf(id -> status(afterwards, id).equals("FORWARDED"));
                return notForwardedYet.isEmpty();
            });
            // The messages the dead hub had claimed wait out its claims. One more application, submitted after
            // that, is published after every message before it: once the department has it, the outbox is empty.
            atTheKill.claimsEnd().ifPresent(end -> await().atMost(Duration.ofMinutes(1))
                    .until(() -> OffsetDateTime.now().isAfter(end)));
            String last = afterwards.submit("portal", UUID.randomUUID().toString(),
                    Applications.forService(afterwards, "health-birth-registration")).json().path("applicationId")
                    .asText();
            expected.put(last, "FORWARDED");
            await().atMost(Duration.ofMinutes(1)).until(() -> health.requests().containsKey(last));
            // ...and once the subscribers' queues are empty, they have consumed every event.
            await().atMost(Duration.ofMinutes(1)).until(() -> DeliveredCompletionEvents.SUBSCRIBERS.stream()
                    .allMatch(subscriber -> hub.messageCount(subscriber) == 0));

            int missing = 0;
            List<String> stuck = new ArrayList<>();
            for (Map.Entry<String, String> application : expected.entrySet()) {
                HubClient.Answer answer = afterwards.get("/api/v1/applications/" + application.getKey(), "admin");
                if (answer.status() != 200) {
                    missing++;
                    continue;
                }
                if (!answer.json().path("status").asText().equals(application.getValue())) {
                    stuck.add(application.getKey());
                }
                List<String> steps = new ArrayList<>();
                answer.json().path("history").forEach(step -> steps.add(step.path("status").asText()));
                assertThat(steps).as(application.getKey()).isEqualTo(HISTORY.get(application.getValue()));
            }
            hub.kill();

            Map<String, Integer> requests = health.requests();
            Map<String, Integer> repeated = requests.entrySet().stream().filter(sent -> sent.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Set<String> forwarded = expected.entrySet().stream()
                    .filter(application -> application.getValue().equals("FORWARDED")).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            DeliveredCompletionEvents completions = DeliveredCompletionEvents.read(database, dataDir);
            LOG.info("On {}: {} acknowledged ({} completed by call-back before the relay ran), {} missing, {} stuck; "
                    + "sent to the department: {}, repeated: {} (of {} sent before the kill); completion events: "
                    + "{} in the outbox, how many how often {}", database, expected.size(),
                    expected.size() - forwarded.size(), missing, stuck.size(), requests.size(), repeated,
                    sentBeforeTheKill.size(), completions.byApplication().size(), completions.counts());
            assertThat(missing).isZero();
            assertThat(stuck).isEmpty();
            // Sent once each, and only what was the department's to take (not what it had already finished).
            assertThat(requests.keySet()).isEqualTo(forwarded);
            // Sent again only when the hub died while sending it, with the same hub reference.
            assertThat(sentBeforeTheKill.keySet()).containsAll(repeated.keySet());
            assertThat(repeated).hasSizeLessThanOrEqualTo(IN_FLIGHT_AT_MOST).allSatisfy((id, count) ->
                    assertThat(count).isEqualTo(2));
            completions.assertEachOnce(expected.keySet().stream()
                    .filter(id -> !forwarded.contains(id)).collect(Collectors.toSet()));
        }
    }

    /**
     * The first life's work: 400 applications submitted by 8 threads; of each four, the department reports one
     * approved (registered, then approved) and one rejected by call-back, and leaves two to be sent to it. Returns
     * where each application must end up.
     */
    private static Map<String, String> makeBacklog(HubClient client) throws Exception {
        String submission = Applications.forService(client, "health-birth-registration");
        Map<String, String> expected = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService portal = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            submitters.add(portal.submit(() -> {
                for (int i = next.getAndIncrement(); i < APPLICATIONS; i = next.getAndIncrement()) {
                    HubClient.Answer answer = client.submit("portal", UUID.randomUUID().toString(), submission);
                    assertThat(answer.status()).isEqualTo(201);
                    String id = answer.json().path("applicationId").asText();
                    switch (i % 4) {
                        case 0 -> {
                            report(client, id, "{\"status\": \"REG\"}");
                            report(client, id, "{\"status\": \"APR\", \"remark\": \"Certificate issued.\"}");
                            expected.put(id, "DELIVERED");
                        }
                        case 1 -> {
                            report(client, id,
                                    "{\"status\": \"REJ\", \"reason\": \"The birth is registered already.\"}");
                            expected.put(id, "REJECTED");
                        }
                        default -> expected.put(id, "FORWARDED");
                    }
                }
                return null;
            }));
        }
        for (Future<?> submitter : submitters) {
            submitter.get(5, TimeUnit.MINUTES);
        }
        portal.shutdown();
        return new HashMap<>(expected);
    }

    private static void report(HubClient client, String id, String update) {
        String body = "{\"applicationId\": \"" + id + "\", " + update.substring(1);
        HubClient.Answer answer = client.post(CALLBACK, "dept-health", null, "application/json", body);
        assertThat(answer.status()).as(id + " " + body).isEqualTo(200);
    }

    private static String status(HubClient client, String id) {
        return client.get("/api/v1/applications/" + id, "admin").json().path("status").asText();
    }

    /** The outbox and the broker as the kill left them. */
    private record AtTheKill(int published, int pending, Set<String> publishedNotMarked,
            Optional<OffsetDateTime> claimsEnd) {

        static AtTheKill read(HubDatabase database, Path dataDir) throws Exception {
            int published;
            Set<String> pending;
            OffsetDateTime claimsEnd;
            try (HubDatabase.Reader reader = database.open(dataDir)) {
                published = reader.jdbc().sql("SELECT COUNT(*) FROM outbox_message WHERE published_at IS NOT NULL")
                        .query(Integer.class).single();
                pending = Set.copyOf(reader.jdbc()
                        .sql("SELECT message_id FROM outbox_message WHERE published_at IS NULL")
                        .query(String.class).list());
                claimsEnd = reader.jdbc().sql("""
                        SELECT MAX(claimed_until) FROM outbox_message WHERE published_at IS NULL""")
                        .query(OffsetDateTime.class).optional().orElse(null);
            }
            Set<String> inTheBroker = BrokerJournal.messagesById(dataDir, BrokerJournal.WITNESS, DISPATCH_QUEUE)
                    .values()
                    .stream().flatMap(byId -> byId.keySet().stream()).collect(Collectors.toSet());
            Set<String> publishedNotMarked = pending.stream().filter(inTheBroker::contains)
                    .collect(Collectors.toSet());
            return new AtTheKill(published, pending.size(), publishedNotMarked, Optional.ofNullable(claimsEnd));
        }
    }
}
