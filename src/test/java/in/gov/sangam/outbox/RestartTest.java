package in.gov.sangam.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.DispatchQueues;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/** The hub stops and starts again on the same data directory: nothing committed is lost or sent twice. */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // starts three whole hubs itself, one after the other
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void anApplicationCommittedButNotYetPublishedIsDispatchedOnceAfterARestart() {
        String key = UUID.randomUUID().toString();
        String id;
        try (HubProcess hub = HubProcess.start(dataDir, "sangam.outbox.relay-enabled=false",
                "sangam.connectors.dispatch-enabled=false")) {
            // The relay is stopped: the hub "crashes" after the commit and before publishing.
            HubClient client = hub.client();
            id = client.submit("portal", key, Applications.domicile("Ghulam Nabi Bhat")).json()
                    .path("applicationId").asText();
            assertThat(hub.bean(Outbox.class).countPending()).isEqualTo(1);
        }
        assertThat(Files.exists(dataDir.resolve("db"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("broker"))).isTrue();

        // The connectors stay off: the test looks at the queue itself.
        try (HubProcess hub = HubProcess.start(dataDir, "sangam.connectors.dispatch-enabled=false")) {
            HubClient client = hub.client();
            DispatchQueues queues = new DispatchQueues(hub.bean(JmsTemplate.class));
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.bean(Outbox.class).countPending() == 0);
            assertThat(queues.messagesFor("sangam.dispatch.revenue", id)).hasSize(1);

            assertThat(client.get("/api/v1/applications/" + id, "portal").json().path("status").asText())
                    .isEqualTo("SUBMITTED");
            // The retry of a client that never heard back finds the same application.
            assertThat(client.submit("portal", key, Applications.domicile("Ghulam Nabi Bhat")).json()
                    .path("applicationId").asText()).isEqualTo(id);
        }

        try (HubProcess hub = HubProcess.start(dataDir, "sangam.connectors.dispatch-enabled=false")) {
            // The broker's journal kept the message.
            DispatchQueues queues = new DispatchQueues(hub.bean(JmsTemplate.class));
            assertThat(queues.messagesFor("sangam.dispatch.revenue", id)).hasSize(1);
            assertThat(hub.client().get("/api/v1/applications/" + id, "portal").status()).isEqualTo(200);

            // The hub had stopped after publishing and before marking the message published: the relay publishes
            // it again. The broker's duplicate-id cache, kept in its journal across the restart, drops the copy.
            JdbcClient jdbc = hub.bean(JdbcClient.class);
            assertThat(jdbc.sql("""
                    UPDATE outbox_message SET published_at = NULL, claimed_by = NULL, claimed_until = NULL
                    WHERE aggregate_id = :id""").param("id", id).update()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "SELECT attempts FROM outbox_message WHERE aggregate_id = :id AND published_at IS NOT NULL")
                    .param("id", id).query(Integer.class).optional().orElse(0) == 2);
            assertThat(queues.messagesFor("sangam.dispatch.revenue", id)).hasSize(1);
        }
    }
}
