package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.gov.sangam.faults.OverdueSoonApplications.Kind;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.time.ScaledClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11's "with two hub nodes on one PostgreSQL, each appeal and escalation happens exactly once", with packaged
 * hubs: two nodes on one PostgreSQL and one external broker, their clocks running a PSGA day a second from one origin
 * (so they agree on the date), their authorities given a day to decide. Both nodes sweep throughout. A burst of
 * deadlines falls due at once, so that one sweep files hundreds of appeals in one transaction, batch after batch; the
 * node holding that sweep is killed with SIGKILL halfway through and started again (its clock, from the same origin,
 * agrees with the other's), and more deadlines fall due one after another. In the end every open application of an
 * auto-appeal service has one first appeal (grounds DELAY), escalated once to one second appeal; the applications the
 * sweep must pass by have none; the sweep's cursor is at the last deadline; and each notice of an appeal reached the
 * SMS gateway or the mail server once (but one a node was sending when it was killed).
 */
@Timeout(540)
class AppealsExactlyOnceIT {

    private static final Logger LOG = LoggerFactory.getLogger(AppealsExactlyOnceIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NODE_A = "sangam-node-a";
    private static final String NODE_B = "sangam-node-b";
    /** A PSGA day a second: a deadline a day away comes a second later. */
    private static final double SPEED = 86400;
    /** How far ahead of PSGA time the test writes deadlines: they are committed long before they are due. */
    private static final Duration LEAD = Duration.ofDays(4);
    /** Deadlines of a burst, all within a PSGA hour (a few hundredths of a second)... */
    private static final int BURST = 300;
    /** ...burst after burst until a sweep of one is caught halfway (each sweep of a burst is a fair chance). */
    private static final int BURSTS = 5;
    /** A sweep caught holding the cursor this long, filing appeals, is halfway through a burst. */
    private static final Duration HALFWAY = Duration.ofMillis(150);
    /** Once the killed node is back: deadlines one after another over ten PSGA days (seconds). */
    private static final int ONCE_BACK = 150;
    private static final int DAYS_ONCE_BACK = 8;
    /** Submitted through each node's API, as a portal would. */
    private static final int SUBMITTED_PER_NODE = 4;
    /** A sweep takes deadlines in batches this small: a sweep of a burst is a dozen queries and 200 appeals. */
    private static final int SWEEP_BATCH = 25;
    /**
     * Notices a node may have been sending when it was killed (one consumer of the notices' queue a node): sent, not
     * recorded, so sent once more by the other node.
     */
    private static final int IN_FLIGHT_AT_MOST = 1;
    private static final Pattern MAIL_SUBJECT =
            Pattern.compile("PSGA appeal (\\S+) (?:\\(level \\d\\) )?(filed|moved)");
    private static final Pattern FILED = Pattern.compile("First appeal (\\S+) filed|moved to .* as (\\S+)");

    @Test
    void eachOverdueApplicationIsAppealedAndEscalatedOnceThroughAKillMidSweep() throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-appeals-once-");
        // One origin for both clocks: started seconds apart, they still show the same PSGA time.
        Instant origin = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Clock psgaTime = new ScaledClock(Clock.systemUTC(), SPEED, origin);
        try (RestartablePostgres postgres = RestartablePostgres.start(dataDir.resolve("postgres"));
                BrokerProcess broker = BrokerProcess.start(dataDir.resolve("broker"));
                RecordingSmsGateway gateway = new RecordingSmsGateway();
                RecordingMailServer mail = new RecordingMailServer()) {
            List<HubJar> nodes = HubJar.startTogether(
                    () -> node(NODE_A, dataDir.resolve(NODE_A), origin, postgres, broker, gateway, mail),
                    () -> node(NODE_B, dataDir.resolve(NODE_B), origin, postgres, broker, gateway, mail));
            try (HubJar a = nodes.get(0); HubJar b = nodes.get(1);
                    PsgaSweepCursor cursor = new PsgaSweepCursor(postgres.dataSource())) {
                Map<String, HubJar> byName = Map.of(NODE_A, a, NODE_B, b);
                JdbcClient database = JdbcClient.create(postgres.dataSource());
                OverdueSoonApplications applications = new OverdueSoonApplications(postgres.dataSource());
                Set<String> toAppeal = new HashSet<>();
                Set<String> toPassBy = new HashSet<>();
                // As a portal would: each node acknowledges some, due in a PSGA week (7 s).
                submitThroughEach(nodes, 0, toAppeal, toPassBy);

                Set<String> seenBeforeTheKill = new HashSet<>();
                Optional<PsgaSweepCursor.Holder> caught = Optional.empty();
                Instant burstDue = null;
                for (int burst = 1; burst <= BURSTS && caught.isEmpty(); burst++) {
                    Instant due = psgaTime.instant().plus(LEAD);
                    burstDue = write(applications, burst, BURST, due, due.plus(Duration.ofHours(1)), psgaTime,
                            toAppeal, toPassBy);
                    caught = halfwayThrough(cursor, burstDue, seenBeforeTheKill);
                }
                assertThat(caught).as("a sweep of a burst caught halfway, in " + BURSTS + " bursts").isPresent();
                String killed = caught.get().node();
                String survivor = killed.equals(NODE_A) ? NODE_B : NODE_A;
                byName.get(killed).kill();
                LOG.info("{} killed halfway through a sweep ({} into its transaction, {}); the cursor stood at {}",
                        killed, caught.get().transactionAge(), caught.get().lastStatement().lines().findFirst()
                                .orElse(""), cursor.position());
                Set<String> filedByTheKilledNode = filedIn(dataDir.resolve(killed));

                // The survivor takes the sweep up where the last committed one ended, and files what the kill undid.
                Instant lastOfTheBurst = burstDue;
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> passed(cursor, lastOfTheBurst));
                Set<String> filedAgain = new HashSet<>(filedByTheKilledNode);
                filedAgain.retainAll(filedIn(dataDir.resolve(survivor)));

                byName.get(killed).restart();
                // Acknowledged by the node just started, as by the other: on a clock of its own (counted from its
                // restart, days behind the other's) their deadlines would lie behind the cursor, never appealed.
                submitThroughEach(nodes, 1, toAppeal, toPassBy);
                Instant due = psgaTime.instant().plus(LEAD);
                write(applications, 9, ONCE_BACK, due, due.plus(Duration.ofDays(DAYS_ONCE_BACK)), psgaTime, toAppeal,
                        toPassBy);
                Set<String> seenOnceBack = new HashSet<>();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
                    cursor.holder().ifPresent(holder -> seenOnceBack.add(holder.node()));
                    return seenOnceBack.containsAll(byName.keySet());
                });

                // Every deadline passes, and every first appeal's decideBy (a day) too.
                try {
                    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                            cursor.position().equals(cursor.lastDeadline())
                                    && secondAppeals(database) >= toAppeal.size());
                } catch (ConditionTimeoutException reportedBelow) {
                    // The assertions say which applications were not appealed, or where the cursor stands.
                }

                List<AppealRow> appeals = database.sql("""
                        SELECT appeal_id, application_id, level, grounds, status, escalated_from, due_by, filed_at
                        FROM appeal""").query(AppealRow.class).list();
                Map<String, List<AppealRow>> byApplication = appeals.stream()
                        .collect(Collectors.groupingBy(AppealRow::applicationId));
                List<String> notOnceEach = toAppeal.stream()
                        .filter(id -> !appealedOnceAndEscalatedOnce(byApplication.getOrDefault(id, List.of())))
                        .sorted().toList();
                LOG.info("Two nodes, {} killed mid-sweep: {} applications to appeal, {} to pass by, {} appeals; {} "
                        + "not appealed and escalated exactly once; {} appeals filed in the transaction the kill "
                        + "undid and filed again by {} (e.g. {}); sweeps held before the kill by {}, once {} was back "
                        + "by {}", killed, toAppeal.size(), toPassBy.size(), appeals.size(), notOnceEach.size(),
                        filedAgain.size(), survivor, filedAgain.stream().limit(3).toList(), seenBeforeTheKill, killed,
                        seenOnceBack);

                assertThat(filedAgain).as("appeals the killed node logged as filed in the transaction the kill "
                        + "undid, filed again by the other").isNotEmpty();
                assertThat(notOnceEach).as("applications not appealed once and escalated once").isEmpty();
                assertThat(byApplication.keySet()).as("applications appealed").isEqualTo(toAppeal);
                assertThat(appeals).hasSize(2 * toAppeal.size());
                assertThat(appeals.stream().map(AppealRow::appealId).distinct()).hasSize(appeals.size());
                assertThat(appeals).filteredOn(appeal -> appeal.level() == 1)
                        .allSatisfy(first -> assertThat(first.filedAt()).isAfterOrEqualTo(first.dueBy()));
                assertThat(cursor.position()).as("the sweep's cursor").isEqualTo(cursor.lastDeadline());
                // As the killed node's API shows them, the contract checked.
                assertThat(new HubClient(byName.get(killed).port()).get("/api/v1/appeals?level=2&size=1", "appellate")
                        .json().path("total").asInt()).isEqualTo(toAppeal.size());

                // The notices (issue 11: "no appeal or notice is ever made twice"), counted where they arrive: each
                // citizen's SMS of the first and of the second appeal; each authority's e-mail of an appeal filed
                // with it, and the first authority's of its appeal moved on.
                Map<String, String> mobiles = database.sql("SELECT application_id, applicant_mobile FROM application")
                        .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2).replaceAll("\\D", ""))).list()
                        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                List<String> mailsExpected = appeals.stream().flatMap(appeal -> appeal.level() == 1
                        ? Stream.of("filed " + appeal.appealId(), "moved " + appeal.appealId())
                        : Stream.of("filed " + appeal.appealId())).toList();
                try {
                    // One notice at a time on each node: a few thousand take a minute or two.
                    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                            toAppeal.stream().allMatch(id -> gateway.smsByNumber().getOrDefault(mobiles.get(id), 0)
                                    >= 2) && appealMails(mail).keySet().containsAll(mailsExpected));
                } catch (ConditionTimeoutException reportedBelow) {
                    // The assertions say which notices did not arrive.
                }
                Map<String, Integer> sms = gateway.smsByNumber();
                Map<String, Integer> mails = appealMails(mail);
                List<String> smsMissing = toAppeal.stream().filter(id -> sms.getOrDefault(mobiles.get(id), 0) < 2)
                        .sorted().toList();
                Map<String, Integer> smsAgain = toAppeal.stream()
                        .filter(id -> sms.getOrDefault(mobiles.get(id), 0) > 2)
                        .collect(Collectors.toMap(id -> id, id -> sms.get(mobiles.get(id))));
                List<String> mailsMissing = mailsExpected.stream().filter(key -> !mails.containsKey(key)).toList();
                Map<String, Integer> mailsAgain = mails.entrySet().stream().filter(entry -> entry.getValue() > 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                LOG.info("Notices: {} SMS to {} numbers, {} appeal e-mails; missing {} SMS and {} e-mails; sent again "
                        + "(in flight at the kill): SMS {}, e-mails {}", sms.values().stream().mapToInt(i -> i).sum(),
                        sms.size(), mails.values().stream().mapToInt(i -> i).sum(), smsMissing.size(),
                        mailsMissing.size(), smsAgain, mailsAgain);
                assertThat(smsMissing).as("applications whose citizen was not told of both appeals").isEmpty();
                assertThat(mailsMissing).as("appeals an authority was not told of").isEmpty();
                assertThat(mails.keySet()).as("appeal e-mails").containsExactlyInAnyOrderElementsOf(mailsExpected);
                assertThat(smsAgain.size() + mailsAgain.size()).as("notices sent twice").isLessThanOrEqualTo(
                        IN_FLIGHT_AT_MOST);
                assertThat(smsAgain.values()).allMatch(count -> count == 3);
                assertThat(mailsAgain.values()).allMatch(count -> count == 2);
                assertThat(sms.keySet()).as("numbers of applications passed by")
                        .doesNotContainAnyElementsOf(toPassBy.stream().map(mobiles::get).toList());
            }
        }
    }

    /**
     * Waits until a node is caught halfway through a sweep of the burst due by {@code burstDue} (holding the cursor
     * for a while, filing appeals, once both nodes were seen sweeping), or until the burst was swept without.
     */
    private static Optional<PsgaSweepCursor.Holder> halfwayThrough(PsgaSweepCursor cursor, Instant burstDue,
            Set<String> seen) {
        AtomicReference<PsgaSweepCursor.Holder> caught = new AtomicReference<>();
        await().atMost(LEAD.toSeconds() + 30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(5)).until(() -> {
            Optional<PsgaSweepCursor.Holder> holder = cursor.holder();
            holder.ifPresent(h -> seen.add(h.node()));
            if (seen.containsAll(List.of(NODE_A, NODE_B)) && holder.isPresent() && holder.get().filingAppeals()
                    && holder.get().transactionAge().compareTo(HALFWAY) >= 0) {
                caught.set(holder.get());
                return true;
            }
            return passed(cursor, burstDue);
        });
        return Optional.ofNullable(caught.get());
    }

    /** Whether the last committed sweep went past {@code dueBy}. */
    private static boolean passed(PsgaSweepCursor cursor, Instant dueBy) {
        Instant at = cursor.position().dueBy();
        return at != null && !at.isBefore(dueBy);
    }

    private record AppealRow(String appealId, String applicationId, int level, String grounds, String status,
            String escalatedFrom, OffsetDateTime dueBy, OffsetDateTime filedAt) {
    }

    /** One first appeal for delay, escalated; one second appeal, from it. */
    private static boolean appealedOnceAndEscalatedOnce(List<AppealRow> appeals) {
        if (appeals.size() != 2) {
            return false;
        }
        AppealRow first = appeals.stream().filter(appeal -> appeal.level() == 1).findFirst().orElse(null);
        AppealRow second = appeals.stream().filter(appeal -> appeal.level() == 2).findFirst().orElse(null);
        return first != null && second != null && first.grounds().equals("DELAY") && second.grounds().equals("DELAY")
                && first.status().equals("ESCALATED") && first.appealId().equals(second.escalatedFrom());
    }

    private static int secondAppeals(JdbcClient database) {
        return database.sql("SELECT COUNT(*) FROM appeal WHERE level = 2").query(Integer.class).single();
    }

    /**
     * Writes {@code count} applications due one after another from {@code firstDue} to {@code lastDue}, in one
     * transaction committed before the first of them is due: a sweep never passes a deadline before it is written (an
     * application written behind the cursor would never be appealed, and the test would show a loss of its own).
     *
     * @return {@code lastDue} as stored
     */
    private static Instant write(OverdueSoonApplications applications, int batch, int count, Instant firstDue,
            Instant lastDue, Clock psgaTime, Set<String> toAppeal, Set<String> toPassBy) {
        Map<Kind, List<String>> written = applications.write(batch, count, firstDue, lastDue);
        assertThat(psgaTime.instant()).as("PSGA time once the applications were written (the machine is too slow "
                + "for this test if it is past the first deadline)").isBefore(firstDue);
        written.forEach((kind, ids) -> (kind == Kind.OPEN ? toAppeal : toPassBy).addAll(ids));
        return lastDue.truncatedTo(ChronoUnit.MICROS);
    }

    /** Submits applications through each node's API: some to be appealed, one for a service without auto-appeal. */
    private static void submitThroughEach(List<HubJar> nodes, int round, Set<String> toAppeal, Set<String> toPassBy)
            throws IOException {
        int submitted = round * nodes.size() * (SUBMITTED_PER_NODE + 1);
        for (HubJar node : nodes) {
            HubClient client = new HubClient(node.port());
            for (int i = 0; i < SUBMITTED_PER_NODE; i++) {
                toAppeal.add(submit(client, OverdueSoonApplications.AUTO_APPEALED, ++submitted));
            }
            toPassBy.add(submit(client, OverdueSoonApplications.NOT_AUTO_APPEALED, ++submitted));
        }
    }

    /** Submits an application through the node's API, with a mobile number of its own. */
    private static String submit(HubClient client, String service, int number) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(Applications.forService(client, service));
        ((ObjectNode) body.path("applicant")).put("mobile", "+91980000%04d".formatted(number));
        HubClient.Answer answer = client.submit("portal", UUID.randomUUID().toString(), body.toString());
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }

    /** The appeals a node logged as filed (first appeals) or escalated (second appeals), in all its lives. */
    private static Set<String> filedIn(Path nodeDir) throws IOException {
        Set<String> filed = new HashSet<>();
        for (String line : Files.readAllLines(nodeDir.resolve("hub.log"))) {
            Matcher matcher = FILED.matcher(line);
            if (matcher.find()) {
                filed.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        return filed;
    }

    /** The appeal e-mails the mail server received ("filed APL-..." or "moved APL-..."), each with its count. */
    private static Map<String, Integer> appealMails(RecordingMailServer mail) {
        Map<String, Integer> counts = new HashMap<>();
        for (String subject : mail.subjects()) {
            Matcher matcher = MAIL_SUBJECT.matcher(subject);
            if (matcher.find()) {
                counts.merge(matcher.group(2) + " " + matcher.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static HubJar node(String name, Path dataDir, Instant origin, RestartablePostgres postgres,
            BrokerProcess broker, RecordingSmsGateway gateway, RecordingMailServer mail) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The node's connections carry its name, so that the test can tell from PostgreSQL which node sweeps.
        List<String> database = postgres.hubSettings().stream()
                .map(setting -> setting.startsWith("SANGAM_DB_URL=")
                        ? PsgaSweepCursor.named(setting, name) : setting)
                .toList();
        List<String> settings = new ArrayList<>(broker.hubSettings());
        settings.addAll(List.of("sangam.simulators.enabled=false", "sangam.demo.auto-progress=false",
                "sangam.security.rate-limits.enabled=false",
                // Applications are accepted and kept open: nothing is sent to a department, nothing completes.
                "sangam.connectors.dispatch-enabled=false", "sangam.connectors.health.endpoint=http://localhost:9",
                "sangam.connectors.revenue.endpoint=http://localhost:9",
                "sangam.connectors.education.endpoint=sftp://localhost:9", HubJar.passwordOf("health"),
                HubJar.passwordOf("revenue"), HubJar.passwordOf("education"),
                "sangam.sms.gateway=kannel", "sangam.sms.kannel.send-url=" + gateway.sendUrl(),
                "sangam.sms.kannel.password=fault-test", "sangam.sms.max-per-minute=100000",
                "SANGAM_SMTP_HOST=localhost", "SANGAM_SMTP_PORT=" + mail.port(),
                "sangam.clock.speed=" + SPEED, "sangam.clock.origin=" + origin,
                "sangam.appeal.decide-within=1d", "sangam.appeal.second-decide-within=2d",
                "sangam.appeal.sweep-batch=" + SWEEP_BATCH, "sangam.appeal.sweep-interval-ms=250"));
        return HubJar.start(dataDir, database, settings.toArray(String[]::new));
    }
}
