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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A department's result file is applied whole, each row once, even when the hub dies halfway through it: on H2 and
 * on PostgreSQL, education applications are written to the department's SFTP inbox, a result file accepts them all,
 * and two more complete them (some rejected); the hub is killed with SIGKILL while it applies one of these. Once it
 * is back and the lock on the abandoned file has aged, the file is read again: every application ends where its
 * result file put it, each step once in its history, each completion event once, every file marked done and no row
 * a dead letter.
 */
@Timeout(600)
class ResultFileCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFileCrashIT.class);
    private static final int APPLICATIONS = 200;
    private static final int THREADS = 8;
    private static final String HEADER = "hub_ref,board_ref,status,remark,reason";
    private static final String ACCEPTED_FILE = "results-accepted.csv";
    private static final List<String> COMPLETED_FILES = List.of("results-completed-1.csv", "results-completed-2.csv");
    /** A row of each completion file the test watches: once its application is final, the file is being applied. */
    private static final int WATCHED_ROW = 5;
    /** The result files read to the end (Camel's JDBC idempotent repository, processor result-files-done). */
    private static final String DONE_FILES =
            "SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'result-files-done'";

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aResultFileCutShortByAKillIsAppliedWholeOnceAfterwards(String databaseName) throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-result-file-crash-");
        BrokerJournal.addWitness(dataDir);
        try (HubDatabase database = HubDatabase.named(databaseName);
                SftpDepartment education = SftpDepartment.education();
                HubJar hub = HubJar.start(dataDir, database.settings(),
                        "sangam.demo.auto-progress=false", "sangam.security.rate-limits.enabled=false",
                        "sangam.connectors.education.endpoint=" + education.endpoint(),
                        "sangam.connectors.education.credentials.username=" + SftpDepartment.USERNAME,
                        "sangam.connectors.education.credentials.password=" + SftpDepartment.PASSWORD,
                        // A server made for this test, its host key new each time.
                        "sangam.connectors.education.batch.hostKeyChecking=no",
                        "sangam.connectors.education.batch.pollEvery=500ms",
                        // A lock on a result file older than this is abandoned: the restarted hub takes over the
                        // lock of the file the kill cut short at its first look after that. (The other departments
                        // are the demo's simulators.)
                        "sangam.connectors.result-file-claim=5s", "sangam.reconciliation.every=5s")) {
            HubClient client = new HubClient(hub.port());
            List<String> ids = submit(client);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> education.requestFiles().containsAll(ids.stream().map(id -> id + ".csv").toList()));

            // One session writes every request file (and one reads the outbox), not one per application.
            assertThat(education.openSessions()).isLessThanOrEqualTo(2);
            education.writeResultFile(ACCEPTED_FILE, rows(ids, id -> "ACCEPTED"));
            awaitStatus(client, ids, Map.of(), "FORWARDED");

            // Two files complete the applications, one of each five rejected.
            Map<String, String> expected = new LinkedHashMap<>();
            Map<String, List<String>> completedFiles = new LinkedHashMap<>();
            for (int f = 0; f < COMPLETED_FILES.size(); f++) {
                List<String> part = ids.subList(f * ids.size() / COMPLETED_FILES.size(),
                        (f + 1) * ids.size() / COMPLETED_FILES.size());
                part.forEach(id -> expected.put(id, ids.indexOf(id) % 5 == 0 ? "REJECTED" : "DELIVERED"));
                completedFiles.put(COMPLETED_FILES.get(f), part);
            }
            completedFiles.forEach((file, part) -> education.writeResultFile(file,
                    rows(part, id -> expected.get(id).equals("REJECTED") ? "DENIED" : "COMPLETED")));
            // The hub is applying a completion file once a row near its top has taken effect.
            List<String> watched = completedFiles.values().stream().map(part -> part.get(WATCHED_ROW)).toList();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> watched.stream()
                    .anyMatch(id -> !status(client, id).equals("FORWARDED")));
            hub.kill();

            AtTheKill atTheKill = AtTheKill.read(database, dataDir, completedFiles);
            LOG.info("On {}: killed with {} of {} completion rows applied; completion files cut short: {}", database,
                    atTheKill.rowsApplied(), expected.size(), atTheKill.cutShort());
            // The kill came while a file was being applied: some of its rows had taken effect, not all, and the
            // file was claimed but not done.
            assertThat(atTheKill.cutShort()).isNotEmpty();

            hub.restart();
            HubClient afterwards = new HubClient(hub.port());
            awaitStatus(afterwards, List.copyOf(expected.keySet()), expected, null);
            // The completion events the dead hub had claimed wait out its claims. One more application, submitted
            // after that, is published after every message before it: once its request file is in the inbox, the
            // outbox is empty.
            atTheKill.claimsEnd().ifPresent(end -> await().atMost(Duration.ofMinutes(1))
                    .until(() -> OffsetDateTime.now().isAfter(end)));
            String last = submit(afterwards, 1).get(0);
            await().atMost(Duration.ofMinutes(1)).until(() -> education.requestFiles().contains(last + ".csv"));
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
                assertThat(steps).as(application.getKey())
                        .containsExactly("SUBMITTED", "FORWARDED", application.getValue());
            }
            hub.kill();

            Map<String, Integer> requestFilesWritten = education.requestFilesWritten();
            Map<String, Integer> resultFilesRead = education.resultFilesRead();
            DeliveredCompletionEvents completions = DeliveredCompletionEvents.read(database, dataDir);
            Set<String> done;
            int deadLetters;
            try (HubDatabase.Reader reader = database.open(dataDir)) {
                done = Set.copyOf(reader.jdbc().sql(DONE_FILES).query(String.class)
                        .list());
                deadLetters = reader.jdbc().sql("SELECT COUNT(*) FROM dead_letter").query(Integer.class).single();
            }
            Map<String, Integer> requestFilesRepeated = requestFilesWritten.entrySet().stream()
                    .filter(written -> written.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            LOG.info("On {}: {} acknowledged, {} missing, {} stuck; request files written more than once: {}; result "
                    + "files read {} (cut short by the kill: {}); done: {}; dead letters: {}; completion events: {} "
                    + "in the outbox, how many how often {}", database, ids.size() + 1, missing,
                    stuck.size(), requestFilesRepeated, resultFilesRead, atTheKill.cutShort(), done.size(),
                    deadLetters, completions.byApplication().size(), completions.counts());
            assertThat(missing).isZero();
            assertThat(stuck).isEmpty();
            // Nothing was being written to the department at the kill: no request file was written again.
            assertThat(requestFilesRepeated).isEmpty();
            // Each file applied and marked done; read twice only if the kill cut it short.
            List<String> files = new ArrayList<>(List.of(ACCEPTED_FILE));
            files.addAll(COMPLETED_FILES);
            for (String file : files) {
                assertThat(done).as(file).anyMatch(key -> key.startsWith("education/" + file + "-"));
                assertThat(resultFilesRead.get(file)).as(file).isEqualTo(atTheKill.cutShort().contains(file) ? 2 : 1);
            }
            assertThat(deadLetters).isZero();
            completions.assertEachOnce(expected.keySet());
        }
    }

    private static List<String> submit(HubClient client) throws Exception {
        return submit(client, APPLICATIONS);
    }

    /** Education applications from 8 threads, in the order they were acknowledged. */
    private static List<String> submit(HubClient client, int count) throws Exception {
        String submission = Applications.forService(client, "education-post-matric-scholarship");
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService portal = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            submitters.add(portal.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    HubClient.Answer answer = client.submit("portal", UUID.randomUUID().toString(), submission);
                    assertThat(answer.status()).isEqualTo(201);
                    ids.add(answer.json().path("applicationId").asText());
                }
                return null;
            }));
        }
        for (Future<?> submitter : submitters) {
            submitter.get(5, TimeUnit.MINUTES);
        }
        portal.shutdown();
        return List.copyOf(ids);
    }

    /** A result file in the department's columns: one row per application, its status as {@code code} says. */
    private static List<String> rows(List<String> ids, Function<String, String> code) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (String id : ids) {
            String status = code.apply(id);
            lines.add(id + ",BSE/2026/" + id + "," + status + ",Batch of the day,"
                    + (status.equals("DENIED") ? "Income above the ceiling" : ""));
        }
        return lines;
    }

    /** Waits until each application has its expected status (or {@code status} for all). */
    private static void awaitStatus(HubClient client, List<String> ids, Map<String, String> expected, String status) {
        List<String> notYet = new ArrayList<>(ids);
        await("every application at the status its result file gave it").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    notYet.removeIf(id -> status(client, id).equals(status != null ? status : expected.get(id)));
                    return notYet.isEmpty();
                });
    }

    private static String status(HubClient client, String id) {
        return client.get("/api/v1/applications/" + id, "admin").json().path("status").asText();
    }

    /** What the kill left: which completion files it cut short, how many of their rows had taken effect. */
    private record AtTheKill(Set<String> cutShort, int rowsApplied, Optional<OffsetDateTime> claimsEnd) {

        static AtTheKill read(HubDatabase database, Path dataDir, Map<String, List<String>> completedFiles) {
            try (HubDatabase.Reader reader = database.open(dataDir)) {
                Map<String, String> statuses = new HashMap<>();
                reader.jdbc().sql("SELECT application_id, status FROM application")
                        .query((rs, row) -> statuses.put(rs.getString(1), rs.getString(2))).list();
                List<String> done = reader.jdbc().sql(DONE_FILES).query(String.class)
                        .list();
                Set<String> cutShort = completedFiles.entrySet().stream().filter(file -> {
                    long applied = file.getValue().stream().filter(id -> !statuses.get(id).equals("FORWARDED"))
                            .count();
                    return applied > 0 && applied < file.getValue().size()
                            && done.stream().noneMatch(key -> key.startsWith("education/" + file.getKey() + "-"));
                }).map(Map.Entry::getKey).collect(Collectors.toSet());
                int rowsApplied = (int) completedFiles.values().stream().flatMap(List::stream)
                        .filter(id -> !statuses.get(id).equals("FORWARDED")).count();
                OffsetDateTime claimsEnd = reader.jdbc().sql(
                        "SELECT MAX(claimed_until) FROM outbox_message WHERE published_at IS NULL")
                        .query(OffsetDateTime.class).optional().orElse(null);
                return new AtTheKill(cutShort, rowsApplied, Optional.ofNullable(claimsEnd));
            }
        }
    }
}
