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
 * agrees with the other's), and more deadlines fall due one after another. In the end every open application of an auto-appeal service has one first appeal (grounds DELAY),
 * escalated once to one second appeal; the applications the sweep must pass by have none; and the sweep's cursor is
 * at the last deadline.
 */
@Timeout(420)
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
    private static final int BURST = 1500;
    /** ...burst after burst until a sweep of one is caught halfway (each sweep of a burst is a fair chance). */
    private static final int BURSTS = 5;
    /** A sweep caught holding the cursor this long, filing appeals, is halfway through a burst. */
    private static final Duration HALFWAY = Duration.ofMillis(150);
    /** Once the killed node is back: deadlines one after another over ten PSGA days (seconds). */
    private static final int ONCE_BACK = 1000;
    private static final int DAYS_ONCE_BACK = 10;
    /** Submitted through each node's API, as a portal would. */
    private static final int SUBMITTED_PER_NODE = 4;
    /** A sweep takes deadlines in batches this small: a sweep of a burst is thirty queries and a thousand appeals. */
    private static final int SWEEP_BATCH = 50;
    private static final Pattern FILED = Pattern.compile("First appeal (\\S+) filed|moved to .* as (\\S+)");

    @Test
    void eachOverdueApplicationIsAppealedAndEscalatedOnceThroughAKillMidSweep() throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-appeals-once-");
        // One origin for both clocks: started seconds apart, they still show the same PSGA time.
        Instant origin = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Clock psgaTime = new ScaledClock(Clock.systemUTC(), SPEED, origin);
        try (RestartablePostgres postgres = RestartablePostgres.start(dataDir.resolve("postgres"));
                BrokerProcess broker = BrokerProcess.start(dataDir.resolve("broker"));
                RecordingSmsGateway gateway = new RecordingSmsGateway()) {
            List<HubJar> nodes = HubJar.startTogether(
                    () -> node(NODE_A, dataDir.resolve(NODE_A), origin, postgres, broker, gateway),
                    () -> node(NODE_B, dataDir.resolve(NODE_B), origin, postgres, broker, gateway));
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

                // NOTICES (issue 11: "No appeal or notice is ever made twice"). Appeal notices are being added on
                // another branch; when they are on main, assert here what the citizens' SMS gateway received: for
                // each application of toAppeal, exactly the notices of its two appeals (each application has a
                // number of its own, gateway.smsByNumber() counts them), and none for toPassBy. Until then no
                // appeal sends an SMS, and this only checks that none went to an application passed by.
                LOG.info("Numbers the SMS gateway took an SMS for: {}", gateway.smsByNumber().size());
                assertThat(gateway.smsByNumber().keySet()).as("numbers of applications passed by")
                        .doesNotContainAnyElementsOf(mobiles(database, toPassBy));
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

    /** The SMS gateway's form of the applicants' numbers (91 and ten digits). */
    private static List<String> mobiles(JdbcClient database, Set<String> applicationIds) {
        return database.sql("SELECT applicant_mobile FROM application WHERE application_id IN (:ids)")
                .param("ids", applicationIds).query(String.class).list().stream()
                .map(mobile -> mobile.replaceAll("\\D", "")).toList();
    }

    private static HubJar node(String name, Path dataDir, Instant origin, RestartablePostgres postgres,
            BrokerProcess broker, RecordingSmsGateway gateway) {
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
                "sangam.sms.kannel.password=fault-test",
                "sangam.clock.speed=" + SPEED, "sangam.clock.origin=" + origin,
                "sangam.appeal.decide-within=1d", "sangam.appeal.second-decide-within=2d",
                "sangam.appeal.sweep-batch=" + SWEEP_BATCH, "sangam.appeal.sweep-interval-ms=250"));
        return HubJar.start(dataDir, database, settings.toArray(String[]::new));
    }
}
