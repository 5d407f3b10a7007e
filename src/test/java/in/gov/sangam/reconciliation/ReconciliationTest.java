package in.gov.sangam.reconciliation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.dispatch.DepartmentCircuitBreakers;
import in.gov.sangam.dispatch.ResultFileRepositories;
import in.gov.sangam.messaging.BrokerProperties;
import in.gov.sangam.outbox.Outbox;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.CompletionEvents;
import in.gov.sangam.support.DispatchQueues;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reconciler, on a hub of its own: each kind of stuck work made for real, found by a sweep, moved on once,
 * and shown by the endpoint and the metrics; healthy work that only waits is left alone. Sweeps are run by the test
 * (direct:reconciliation-sweep), and work is made old by moving the hub's clock on, not by waiting.
 */
@Timeout(180)
class ReconciliationTest extends HubIntegrationTest {

    private static final String HEALTH_QUEUE = "sangam.dispatch.health";
    private static final String FEEDBACK_QUEUE = "sangam.events.application-completed::feedback";
    private static final String REGISTRATIONS = "/hmis/api/v2/registrations";
    private static final String ENDPOINT = "/api/v1/admin/reconciliation";
    /** Past every threshold but the result files' (which are on the wall clock). */
    private static final Duration LATER = Duration.ofMinutes(16);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        // Far above the broker ids Spring Boot hands out by counting the contexts a test run starts: two embedded
        // brokers with one id in one JVM would share their in-VM connections.
        ownHub(registry);
        // A failed dispatch is held for redelivery for the whole test: the broker holds it scheduled, not waiting.
        registry.add("sangam.test.redelivery-delay", () -> "1h");
        registry.add("sangam.test.max-redelivery-delay", () -> "1h");
        // One failed call, and the health department's circuit stays closed: the test opens it by hand.
        registry.add("sangam.connectors.health.retry.attempts", () -> "1");
        registry.add("sangam.connectors.health.circuitBreaker.minimumCalls", () -> "100");
        // A slow department is waited for longer than the test's slowest answer (15 s).
        registry.add("sangam.connectors.health.timeouts.response", () -> "60s");
    }

    @Autowired
    ProducerTemplate camelProducer;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    DepartmentCircuitBreakers circuitBreakers;
    @Autowired
    BrokerQueues brokerQueues;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    BrokerProperties broker;

    ApplicationRows rows;
    CompletionEvents events;
    JmsTemplate jms;

    @BeforeEach
    void parts() {
        rows = new ApplicationRows(jdbc);
        events = new CompletionEvents(jdbc);
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(5_000);
        assertThat(broker.redeliveryDelay()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aSubmittedApplicationWhoseDispatchMessageIsGoneIsDispatchedAgainOnceItsDepartmentIsUp() throws Exception {
        String id = submitWithItsDispatchMessageLost();
        sweep();
        assertThat(dispatchRequests(id)).as("too young to be stuck").isEqualTo(1);

        clock.advance(LATER);
        circuitBreakers.circuitBreaker("health").transitionToForcedOpenState();
        try {
            sweep();
            assertThat(dispatchRequests(id)).as("its department's circuit is open").isEqualTo(1);
        } finally {
            circuitBreakers.circuitBreaker("health").transitionToClosedState();
        }

        sweep();

        assertThat(dispatchRequests(id)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED"));
        assertThat(simulators.server("health").findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS))
                .withRequestBody(matchingJsonPath("$.hub_ref", equalTo(id))))).hasSize(1);
        JsonNode audited = hub.get("/api/v1/admin/audit?applicationId=" + id, "admin").json().path("items");
        JsonNode again = audited.get(audited.size() - 2);
        assertThat(again.path("action").asText()).isEqualTo("DISPATCH_REQUESTED_AGAIN");
        assertThat(again.path("clientId").asText()).isEqualTo("hub");
        assertThat(again.path("channel").asText()).isEqualTo("reconciliation");

        JsonNode kind = kind("submitted-not-in-flight");
        assertThat(kind.path("threshold").asText()).isEqualTo("PT15M");
        assertThat(kind.path("lastSweep").path("found").asInt()).isEqualTo(1);
        assertThat(kind.path("lastSweep").path("redriven").asInt()).isEqualTo(1);
        JsonNode action = actionFor(kind, id);
        assertThat(action.path("action").asText()).isEqualTo("dispatched-again");
        assertThat(action.path("outboxMessageId").asLong()).isEqualTo(latestDispatchRequest(id));
        assertThat(action.path("node").asText()).isNotBlank();
        assertThat(metric("sangam_reconciliation_waiting", "submitted-not-in-flight")).isEqualTo(1.0);
        assertThat(metric("sangam_reconciliation_redriven_total", "submitted-not-in-flight")).isEqualTo(1.0);

        clock.advance(LATER);
        sweep();

        assertThat(dispatchRequests(id)).as("dispatched again once").isEqualTo(2);
        assertThat(kind("submitted-not-in-flight").path("lastSweep").path("found").asInt()).isZero();
        assertThat(metric("sangam_reconciliation_waiting", "submitted-not-in-flight")).isZero();
    }

    @Test
    void anApplicationHeldForRedeliveryWhileItsDepartmentIsDownIsLeftAlone() {
        StubMapping down = simulators.server("health").stubFor(post(urlPathEqualTo(REGISTRATIONS)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try {
            String id = submit("health-birth-registration");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> brokerQueues.scheduled(HEALTH_QUEUE, "SangamApplicationId").contains(id));
            // A queue browser does not see a message held for redelivery: the broker's management does.
            assertThat(new DispatchQueues(jmsTemplate).messagesFor(HEALTH_QUEUE, id)).isEmpty();
            assertThat(brokerQueues.waiting(HEALTH_QUEUE, HEALTH_QUEUE, "SangamApplicationId", Set.of(id))).isEmpty();
            assertThat(circuitBreakers.circuitBreaker("health").getState().name()).isEqualTo("CLOSED");

            clock.advance(LATER);
            sweep();

            assertThat(rows.status(id)).isEqualTo("SUBMITTED");
            assertThat(dispatchRequests(id)).isEqualTo(1);
            assertThat(actionFor(kind("submitted-not-in-flight"), id)).isNull();
        } finally {
            simulators.server("health").removeStub(down);
        }
    }

    @Test
    void anApplicationBeingHandedToItsDepartmentRightNowIsLeftAlone() {
        StubMapping slow = simulators.server("health").stubFor(post(urlPathEqualTo(REGISTRATIONS)).atPriority(1)
                .willReturn(aResponse().withFixedDelay(15_000).withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ack_no\": \"HLT/SLOW/1\", \"status_cd\": \"REG\"}")));
        try {
            String id = submit("health-birth-registration");
            await().atMost(Duration.ofSeconds(30)).until(() -> !simulators.server("health").findAll(
                    postRequestedFor(urlPathEqualTo(REGISTRATIONS))
                            .withRequestBody(matchingJsonPath("$.hub_ref", equalTo(id)))).isEmpty());
            // Its message is delivered to the connector, which waits for the department: a browser sees nothing.
            assertThat(new DispatchQueues(jmsTemplate).messagesFor(HEALTH_QUEUE, id)).isEmpty();

            clock.advance(LATER);
            sweep();

            assertThat(dispatchRequests(id)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(id).equals("FORWARDED"));
        } finally {
            simulators.server("health").removeStub(slow);
        }
    }

    @Test
    void anApplicationItsBatchDepartmentHoldsIsLeftAlone() throws Exception {
        // The department's answer is not read meanwhile: the application stays SUBMITTED, its request file written.
        camel.getRouteController().stopRoute("results-education");
        String id;
        try {
            id = submit("education-migration-certificate");
            String handedOver = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT handed_over_at FROM application WHERE application_id = :id").param("id", handedOver)
                    .query(OffsetDateTime.class).optional().isPresent());
            assertThat(rows.status(id)).isEqualTo("SUBMITTED");

            clock.advance(LATER);
            sweep();

            assertThat(dispatchRequests(id)).isEqualTo(1);
            assertThat(actionFor(kind("submitted-not-in-flight"), id)).isNull();
        } finally {
            camel.getRouteController().startRoute("results-education");
        }
        String answered = id;
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(answered).equals("FORWARDED"));
    }

    @Test
    void anOutboxMessageWhoseRelayDiedIsPublishedAtOnceAndAFreshOneIsLeftAlone() {
        String queue = "sangam.test.reconciliation-" + UUID.randomUUID();
        long old = claimedByADeadRelay(queue);
        clock.advance(Duration.ofMinutes(6));
        long fresh = claimedByADeadRelay(queue);

        sweep();

        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(old) != null);
        Message published = jms.receive(queue);
        assertThat(published).isNotNull();
        assertThat(jms.receiveSelected(queue, "SangamMessageId IS NOT NULL")).as("published once").isNull();
        assertThat(publishedAt(fresh)).isNull();
        assertThat(jdbc.sql("SELECT claimed_by FROM outbox_message WHERE id = :id").param("id", fresh)
                .query(String.class).single()).isEqualTo("a-relay-that-died");

        JsonNode kind = kind("outbox-unpublished");
        assertThat(kind.path("threshold").asText()).isEqualTo("PT5M");
        JsonNode action = null;
        for (JsonNode candidate : kind.path("recentActions")) {
            if (candidate.path("outboxMessageId").asLong() == old) {
                action = candidate;
            }
        }
        assertThat(action).isNotNull();
        assertThat(action.path("action").asText()).isEqualTo("claim-released");
        assertThat(action.path("attempts").asInt()).isEqualTo(3);
        assertThat(action.path("lastError").asText()).isEqualTo("jakarta.jms.JMSException: broker away  at the relay");
        assertThat(kind.path("recentActions").findValues("outboxMessageId").stream().map(JsonNode::asLong))
                .doesNotContain(fresh);
        jdbc.sql("DELETE FROM outbox_message WHERE id = :id").param("id", fresh).update();
    }

    @Test
    void aResultFileWhoseClaimWasAbandonedIsReadAgain() throws IOException {
        String id = submit("education-migration-certificate");
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED"));
        Path outboxFolder = simulators.sftpRoot("education").resolve("outbox");
        // A node claimed the file an hour ago and died before reading it to the end.
        String name = "results-abandoned-" + id + ".csv";
        byte[] content = ("hub_ref,board_ref,status,remark,reason\n" + id + ",,PROCESSING,Read after all,\n")
                .getBytes(StandardCharsets.UTF_8);
        long modified = 1_796_000_000_000L;
        String key = "education/" + name + "-" + content.length + "-" + modified;
        claimAnHourAgo(key);
        // Another node claimed a file an hour ago and died; the department has taken the file away since.
        String gone = "education/results-gone-" + id + ".csv-10-" + modified;
        claimAnHourAgo(gone);
        Path temporary = outboxFolder.resolve(".writing-" + name);
        Files.write(temporary, content);
        Files.setLastModifiedTime(temporary, FileTime.fromMillis(modified));
        Files.move(temporary, outboxFolder.resolve(name), StandardCopyOption.ATOMIC_MOVE);

        // The claim nobody kept alive is taken over by the next look into the outbox: no sweep is needed for that.
        await().atMost(Duration.ofSeconds(30)).until(() -> done(key));
        assertThat(rows.status(id)).isEqualTo("IN_PROCESS");

        sweep();

        // The sweep reports and releases the claim left on the file that is gone, and leaves the one taken over.
        JsonNode kind = kind("result-file-claims-abandoned");
        assertThat(kind.path("threshold").asText()).isEqualTo("PT10M");
        assertThat(kind.path("lastSweep").path("redriven").asInt()).isEqualTo(1);
        assertThat(kind.path("recentActions").get(0).path("resultFile").asText()).isEqualTo(gone);
        assertThat(kind.path("recentActions").get(0).path("action").asText()).isEqualTo("claim-released");

        sweep();

        assertThat(kind("result-file-claims-abandoned").path("lastSweep").path("found").asInt()).isZero();
        assertThat(metric("sangam_reconciliation_redriven_total", "result-file-claims-abandoned")).isEqualTo(1.0);
    }

    private void claimAnHourAgo(String key) {
        jdbc.sql("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (:locks, :key, :at)")
                .param("locks", ResultFileRepositories.LOCKS).param("key", key)
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).update();
    }

    @Test
    void aCompletionEventASubscriberNeverConsumedIsPublishedAgainToThatSubscriberOnly() throws Exception {
        String id = submit("health-birth-registration");
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED"));
        String eventId;
        // Taken off the feedback queue while feedback's route stood still, as by a consumer whose own change was
        // then lost: the broker no longer has it, and feedback never recorded it.
        camel.getRouteController().stopRoute("completion-feedback");
        try {
            for (String status : List.of("SCR", "APR")) {
                assertThat(hub.post("/api/v1/departments/health/status-updates", "dept-health", null,
                        "application/json", "{\"applicationId\": \"" + id + "\", \"status\": \"" + status + "\"}")
                        .status()).isEqualTo(200);
            }
            eventId = await().atMost(Duration.ofSeconds(30)).until(() -> events.eventIds(id), ids -> ids.size() == 1)
                    .get(0);
            String taken = eventId;
            await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("appeal", taken) == 1);
            assertThat(jms.receiveSelected(FEEDBACK_QUEUE, "SangamMessageId = '" + eventId + "'")).isNotNull();
        } finally {
            camel.getRouteController().startRoute("completion-feedback");
        }
        sweep();
        assertThat(kind("completion-events-unconsumed").path("recentActions").findValues("applicationId").stream()
                .map(JsonNode::asText)).as("too young to be missing").doesNotContain(id);

        clock.advance(LATER);
        // Appeal's route stands still meanwhile, so that a copy sent to appeal as well would stay in its queue.
        camel.getRouteController().stopRoute("completion-appeal");
        try {
            sweep();

            String consumed = eventId;
            await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", consumed) == 1);
            assertThat(brokerQueues.held("sangam.events.application-completed", "appeal", "SangamMessageId",
                    Set.of(eventId))).as("published again to feedback only").isEmpty();
        } finally {
            camel.getRouteController().startRoute("completion-appeal");
        }
        assertThat(events.consumedBy("appeal", eventId)).isEqualTo(1);
        assertThat(events.eventIds(id)).as("the same event, not a new one").containsExactly(eventId);
        JsonNode kind = kind("completion-events-unconsumed");
        assertThat(kind.path("threshold").asText()).isEqualTo("PT15M");
        assertThat(kind.path("lastSweep").path("found").asInt()).isEqualTo(1);
        assertThat(kind.path("lastSweep").path("redriven").asInt()).isEqualTo(1);
        JsonNode action = actionFor(kind, id);
        assertThat(action.path("action").asText()).isEqualTo("published-again");
        assertThat(action.path("subscriber").asText()).isEqualTo("feedback");
        assertThat(action.path("outboxMessageId").asLong()).isEqualTo(jdbc.sql(
                "SELECT id FROM outbox_message WHERE message_id = :id").param("id", eventId).query(Long.class).single());
        assertThat(metric("sangam_reconciliation_redriven_total", "completion-events-unconsumed")).isEqualTo(1.0);

        sweep();

        assertThat(kind("completion-events-unconsumed").path("lastSweep").path("found").asInt()).isZero();
        assertThat(events.consumedBy("feedback", eventId)).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsSeeTheReconciliation() {
        assertThat(hub.get(ENDPOINT, "portal").status()).isEqualTo(403);
        assertThat(hub.get(ENDPOINT, "dept-health").status()).isEqualTo(403);
        assertThat(hub.get(ENDPOINT, null).status()).isEqualTo(401);
        Answer answer = hub.get(ENDPOINT, "admin");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("every").asText()).isEqualTo("PT1H");
        assertThat(answer.json().path("kinds").findValues("kind").stream().map(JsonNode::asText)).containsExactly(
                "submitted-not-in-flight", "outbox-unpublished", "result-file-claims-abandoned",
                "completion-events-unconsumed");
    }

    private void sweep() {
        camelProducer.sendBody("direct:reconciliation-sweep", null);
    }

    private String submit(String serviceCode) {
        Answer answer = hub.submit("portal", UUID.randomUUID().toString(), Applications.forService(hub, serviceCode));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }

    /**
     * A health application whose dispatch message the broker no longer holds, while the database says SUBMITTED:
     * as when the hub is killed after the broker's consumption committed and before the database's change did.
     */
    private String submitWithItsDispatchMessageLost() throws Exception {
        camel.getRouteController().stopRoute("dispatch-health");
        try {
            String id = submit("health-birth-registration");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> new DispatchQueues(jmsTemplate).messagesFor(HEALTH_QUEUE, id).size() == 1);
            assertThat(jms.receiveSelected(HEALTH_QUEUE, "SangamApplicationId = '" + id + "'")).isNotNull();
            return id;
        } finally {
            camel.getRouteController().startRoute("dispatch-health");
        }
    }

    /** An outbox message whose relay claimed it, failed three times and died, holding the claim for 10 minutes. */
    private long claimedByADeadRelay(String queue) {
        return transaction.execute(status -> {
            String messageId = outbox.add("queue:" + queue, "ReconciliationTestMessage", "test", Map.of("n", 1));
            jdbc.sql("""
                    UPDATE outbox_message SET claimed_by = 'a-relay-that-died', claimed_until = :until, attempts = 3,
                        last_error = :error
                    WHERE message_id = :messageId""")
                    .param("until", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10))
                    .param("error", "jakarta.jms.JMSException: broker away\n\tat the relay")
                    .param("messageId", messageId)
                    .update();
            return jdbc.sql("SELECT id FROM outbox_message WHERE message_id = :messageId")
                    .param("messageId", messageId).query(Long.class).single();
        });
    }

    private OffsetDateTime publishedAt(long outboxId) {
        return jdbc.sql("SELECT published_at FROM outbox_message WHERE id = :id").param("id", outboxId)
                .query(OffsetDateTime.class).optional().orElse(null);
    }

    private int dispatchRequests(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE aggregate_id = :id "
                + "AND message_type = 'DispatchRequested'").param("id", id).query(Integer.class).single();
    }

    private long latestDispatchRequest(String id) {
        return jdbc.sql("SELECT MAX(id) FROM outbox_message WHERE aggregate_id = :id "
                + "AND message_type = 'DispatchRequested'").param("id", id).query(Long.class).single();
    }

    private boolean done(String keyPattern) {
        return jdbc.sql("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = :done "
                + "AND messageId LIKE :key").param("done", ResultFileRepositories.DONE).param("key", keyPattern)
                .query(Integer.class).single() > 0;
    }

    /** One kind of the endpoint's answer (checked against the contract by the client). */
    private JsonNode kind(String code) {
        for (JsonNode kind : hub.get(ENDPOINT, "admin").json().path("kinds")) {
            if (kind.path("kind").asText().equals(code)) {
                return kind;
            }
        }
        throw new AssertionError("No kind " + code);
    }

    private static JsonNode actionFor(JsonNode kind, String applicationId) {
        for (JsonNode action : kind.path("recentActions")) {
            if (action.path("applicationId").asText().equals(applicationId)) {
                return action;
            }
        }
        return null;
    }

    private double metric(String name, String kind) {
        String body = hub.raw(HttpRequest.newBuilder().GET().header("Authorization", "Bearer " + hub.token("admin")),
                "/actuator/prometheus").response().body();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*kind=\"" + kind + "\"[^}]*\\} (\\S+)$").matcher(body);
        assertThat(line.find()).as(name + " for " + kind + " in\n" + body).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
