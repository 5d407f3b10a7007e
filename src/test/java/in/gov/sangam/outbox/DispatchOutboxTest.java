package in.gov.sangam.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.DispatchQueues;
import in.gov.sangam.support.HubIntegrationTest;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

class DispatchOutboxTest extends HubIntegrationTest {

    private static final String REVENUE_QUEUE = "sangam.dispatch.revenue";

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CamelContext camel;

    DispatchQueues queues;

    @BeforeEach
    void browser() throws Exception {
        queues = new DispatchQueues(jms);
        // The test looks at the revenue queue itself: the revenue connector must not take messages off it meanwhile.
        camel.getRouteController().stopRoute("dispatch-revenue");
    }

    @AfterEach
    void connectorBack() throws Exception {
        camel.getRouteController().startRoute("dispatch-revenue");
    }

    @Test
    void aSubmittedApplicationReachesItsDepartmentsDispatchQueueOnce() throws Exception {
        String id = submit(UUID.randomUUID().toString());

        List<Message> messages = awaitDispatched(id);

        assertThat(messages).hasSize(1);
        JsonNode body = new ObjectMapper().readTree(DispatchQueues.text(messages.get(0)));
        assertThat(body.path("applicationId").asText()).isEqualTo(id);
        assertThat(body.path("department").asText()).isEqualTo("revenue");
        // Only identifiers travel through the broker: no citizen data in its journal.
        assertThat(DispatchQueues.text(messages.get(0))).doesNotContain(Applications.AADHAAR).doesNotContain("Aisha");
        assertThat(publishedAt(id)).isNotNull();
    }

    @Test
    void aRetriedSubmissionIsDispatchedOnce() {
        String key = UUID.randomUUID().toString();
        String id = submit(key);
        awaitDispatched(id);

        assertThat(submit(key)).isEqualTo(id);
        waitForRelayRounds(2);

        assertThat(queues.messagesFor(REVENUE_QUEUE, id)).hasSize(1);
    }

    @Test
    void publishingAgainAfterACrashBeforeTheOutboxWasMarkedDeliversOnce() {
        String id = submit(UUID.randomUUID().toString());
        awaitDispatched(id);

        // The state a crash between "sent to the broker" and "marked published" leaves behind, once the crashed
        // relay's claim has run out.
        jdbc.sql("UPDATE outbox_message SET published_at = NULL, claimed_until = NULL WHERE aggregate_id = :id")
                .param("id", id).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedAt(id) != null);
        waitForRelayRounds(2);

        assertThat(queues.messagesFor(REVENUE_QUEUE, id)).hasSize(1);
        assertThat(jdbc.sql("SELECT attempts FROM outbox_message WHERE aggregate_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(2);
    }

    private String submit(String key) {
        return hub.submit("portal", key, Applications.domicile("Ghulam Nabi Bhat")).json().path("applicationId")
                .asText();
    }

    private List<Message> awaitDispatched(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !queues.messagesFor(REVENUE_QUEUE, id).isEmpty());
        return queues.messagesFor(REVENUE_QUEUE, id);
    }

    private Object publishedAt(String id) {
        return jdbc.sql("SELECT published_at FROM outbox_message WHERE aggregate_id = :id").param("id", id)
                .query((rs, row) -> rs.getObject("published_at")).list().get(0);
    }

    /** Waits until the relay has run {@code rounds} more times, so that a second copy would have been sent. */
    private void waitForRelayRounds(int rounds) {
        NotifyBuilder relayed = new NotifyBuilder(camel).fromRoute("outbox-relay").whenCompleted(rounds).create();
        assertThat(relayed.matches(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
}
