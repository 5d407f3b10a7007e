package in.gov.sangam.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.CompletionEvents;
import in.gov.sangam.support.DispatchQueues;
import in.gov.sangam.support.HubIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * Each subscriber (feedback, appeal) takes an application's completion event once: the event leaves its queue, the
 * subscriber records it as consumed, and the same event delivered again has no second effect.
 */
class CompletionEventsTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String HEALTH_CALLBACK = "/api/v1/departments/health/status-updates";
    private static final String FEEDBACK_QUEUE = "sangam.events.application-completed::feedback";

    @Autowired
    JmsTemplate jms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    private CompletionEvents events;

    @BeforeEach
    void readEvents() {
        events = new CompletionEvents(jdbc);
    }

    @Test
    void eachSubscriberConsumesTheCompletionEventOnce() {
        String id = delivered();

        List<String> written = events.eventIds(id);
        assertThat(written).hasSize(1);
        String eventId = written.get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1
                && events.consumedBy("appeal", eventId) == 1);
        // Taken off the subscribers' queues, so they no longer grow with every completion.
        DispatchQueues queues = new DispatchQueues(jms);
        assertThat(queues.messagesFor(FEEDBACK_QUEUE, id)).isEmpty();
        assertThat(queues.messagesFor("sangam.events.application-completed::appeal", id)).isEmpty();
    }

    @Test
    void theEventCarriesWhatItsSubscribersNeedButNotTheCitizensNumber() throws Exception {
        String id = delivered();

        String payload = jdbc.sql("""
                SELECT payload FROM outbox_message WHERE aggregate_id = :id AND message_type = 'ApplicationCompleted'""")
                .param("id", id).query(String.class).single();

        JsonNode event = JSON.readTree(payload);
        assertThat(event.path("eventId").asText()).isEqualTo(new CompletionEvents(jdbc).eventIds(id).get(0));
        assertThat(event.path("applicationId").asText()).isEqualTo(id);
        assertThat(event.path("serviceCode").asText()).isEqualTo("health-birth-registration");
        assertThat(event.path("department").asText()).isEqualTo("health");
        assertThat(event.path("district").asText()).isEqualTo("Anantnag");
        assertThat(event.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(event.path("acknowledgedAt").asText()).isEqualTo("2026-11-29T04:45:30Z");
        assertThat(event.path("completedAt").asText()).isEqualTo("2026-11-29T04:45:30Z");
        // A birth registration is due 7 calendar days after its acknowledgement.
        assertThat(event.path("dueBy").asText()).isEqualTo("2026-12-06T04:45:30Z");
        assertThat(event.path("onTime").asBoolean()).isTrue();
        assertThat(event.path("language").asText()).isEqualTo("hi");
        assertThat(event.path("contactRef").asText()).isEqualTo(id);
        assertThat(payload).doesNotContain("9876543210").doesNotContain(Applications.AADHAAR);
    }

    @Test
    void aDeliveredApplicationGetsOneSurveyInTheCitizensLanguageWhenItsServiceAsksForFeedback() {
        String id = delivered();
        String eventId = events.eventIds(id).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1);

        Map<String, Object> survey = jdbc.sql("SELECT * FROM feedback_survey WHERE application_id = :id")
                .param("id", id).query().singleRow();
        assertThat(survey.get("STATE")).isIn("PENDING", "QUEUED", "SENT");
        assertThat(survey).containsEntry("LANGUAGE", "hi")
                .containsEntry("OUTCOME", "DELIVERED").containsEntry("DISTRICT", "Anantnag")
                .containsEntry("SERVICE_CODE", "health-birth-registration").containsEntry("CONTACT_REF", id);
        assertThat((String) survey.get("TOKEN")).matches("[A-Za-z0-9]{16}");
        assertThat((String) survey.get("NUMBER_HASH")).isNotBlank().doesNotContain("9876543210");

        // The same application's event again, even under another id: still one survey.
        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("completion-feedback").whenDone(1).create();
        sendToFeedback(UUID.randomUUID().toString(), id);
        await().atMost(Duration.ofSeconds(30)).until(taken::matches);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_survey WHERE application_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aServiceThatDoesNotAskForFeedbackGetsNoSurvey() {
        String id = delivered("health-duplicate-birth-certificate");
        String eventId = events.eventIds(id).get(0);

        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_survey WHERE application_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anEventDeliveredAgainHasNoSecondEffect() {
        String id = delivered();
        String eventId = events.eventIds(id).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1);
        double handledBefore = handledByFeedback();

        // The same event again (as after a redelivery or a republish): taken off the queue, handled no more.
        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("completion-feedback").whenDone(1).create();
        sendToFeedback(eventId, id);
        await().atMost(Duration.ofSeconds(30)).until(taken::matches);
        assertThat(handledByFeedback()).isEqualTo(handledBefore);

        // A new event is handled: the count above can move.
        NotifyBuilder takenNew = new NotifyBuilder(camel).fromRoute("completion-feedback").whenDone(1).create();
        sendToFeedback(UUID.randomUUID().toString(), id);
        await().atMost(Duration.ofSeconds(30)).until(takenNew::matches);
        assertThat(handledByFeedback()).isEqualTo(handledBefore + 1);
    }

    @Test
    void anEventASubscriberCannotTakeBecomesADeadLetterThatIsReplayedToThatSubscriber() {
        String id = delivered();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(id, "feedback") == null
                && events.consumedBy("feedback", events.eventIds(id).get(0)) == 1);

        // An event without its id cannot be deduplicated, so the subscriber refuses it until the broker gives up.
        sendToFeedback(null, id);
        JsonNode letter = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterOf(id, "feedback"),
                found -> found != null);
        assertThat(letter.path("department").asText()).isEqualTo("hub");
        assertThat(deadLetterOf(id, "appeal")).isNull();

        // Replayed, it goes back to feedback's own queue (and fails there again, as it must).
        assertThat(hub.post("/api/v1/admin/dead-letters/" + letter.path("id").asLong() + "/replay", "admin", null,
                "application/json", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode again = deadLetterOf(id, "feedback");
            return again != null && again.path("id").asLong() != letter.path("id").asLong();
        });
        assertThat(deadLetterOf(id, "appeal")).isNull();
    }

    /** The application's dead letter not replayed yet from {@code source}, or null. */
    private JsonNode deadLetterOf(String applicationId, String source) {
        for (JsonNode letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (letter.path("applicationId").asText().equals(applicationId)
                    && letter.path("source").asText().equals(source)) {
                return letter;
            }
        }
        return null;
    }

    /** Exchanges the feedback subscriber's handler completed (Camel's route metrics). */
    private double handledByFeedback() {
        var counter = meters.find("camel.exchanges.succeeded").tag("routeId", "feedback-completed").counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Sends the application's completion event to the feedback subscriber only, as a new broker message (as a replay
     * does), under another event id, or none.
     */
    private void sendToFeedback(String eventId, String applicationId) {
        ObjectNode event;
        try {
            event = (ObjectNode) JSON.readTree(jdbc.sql("""
                    SELECT payload FROM outbox_message
                    WHERE aggregate_id = :id AND message_type = 'ApplicationCompleted'""")
                    .param("id", applicationId).query(String.class).single());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (eventId == null) {
            event.remove("eventId");
        } else {
            event.put("eventId", eventId);
        }
        jms.convertAndSend(new ActiveMQTopic(FEEDBACK_QUEUE), event.toString(), message -> {
            String messageId = UUID.randomUUID().toString();
            message.setStringProperty("SangamMessageId", messageId);
            message.setStringProperty("SangamMessageType", "ApplicationCompleted");
            message.setStringProperty("SangamApplicationId", applicationId);
            // The broker's duplicate detection would drop a second copy with the first one's id.
            message.setStringProperty("_AMQ_DUPL_ID", messageId);
            return message;
        });
    }

    /** A birth registration taken by the department and approved. */
    private String delivered() {
        return delivered("health-birth-registration");
    }

    /** An application of a health service taken by the department and approved. */
    private String delivered(String serviceCode) {
        String id = hub.submit("portal", UUID.randomUUID().toString(), Applications.forService(hub, serviceCode))
                .json().path("applicationId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.get("/api/v1/applications/" + id, "portal").json()
                .path("status").asText().equals("FORWARDED"));
        assertThat(hub.post(HEALTH_CALLBACK, "dept-health", null, "application/json",
                "{\"applicationId\": \"" + id + "\", \"status\": \"APR\"}").status()).isEqualTo(200);
        return id;
    }
}
