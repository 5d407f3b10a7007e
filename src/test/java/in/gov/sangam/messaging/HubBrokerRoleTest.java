package in.gov.sangam.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.reconciliation.BrokerQueues;
import in.gov.sangam.support.HubBrokerUser;
import jakarta.jms.Message;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.JmsSecurityException;
import org.springframework.jms.core.JmsTemplate;

/**
 * The role {@code sangam-hub} of {@code ops/artemis/broker.xml} lets the hub's user do all the hub does with its
 * broker: on a broker configured by that file, the user sends and takes dispatch messages, publishes completion
 * events and takes them from each subscriber's queue, replays to one subscriber, takes dead letters and replayed
 * rows, and asks what a queue holds in every state, as the reconciler does. A permission missing from the file would
 * stop a production hub where the embedded broker, which checks none, never would. And it creates no durable queue:
 * an address broker.xml does not declare is refused, not made up.
 */
class HubBrokerRoleTest {

    private static final String USER = "sangam";
    private static final String PASSWORD = "role-test-password";
    private static final String APPLICATION_ID = "SangamApplicationId";

    @TempDir
    static Path journal;

    static EmbeddedActiveMQ broker;
    static ActiveMQConnectionFactory hub;

    @BeforeAll
    static void startTheBrokerOfBrokerXml() throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        new FileDeploymentManager(Path.of("ops", "artemis", "broker.xml").toUri().toString())
                .addDeployable(configuration).readConfiguration();
        // Its own journal and port; everything else as the file says.
        configuration.setJournalDirectory(journal.resolve("journal").toString())
                .setBindingsDirectory(journal.resolve("bindings").toString())
                .setPagingDirectory(journal.resolve("paging").toString())
                .setLargeMessagesDirectory(journal.resolve("large-messages").toString());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        configuration.getAcceptorConfigurations().clear();
        configuration.addAcceptorConfiguration("core", "tcp://localhost:" + port + "?protocols=CORE");
        broker = new EmbeddedActiveMQ().setConfiguration(configuration)
                .setSecurityManager(new HubBrokerUser(USER, PASSWORD)).start();
        hub = new ActiveMQConnectionFactory("tcp://localhost:" + port + "?useTopologyForLoadBalancing=false", USER,
                PASSWORD);
    }

    @AfterAll
    static void stopTheBroker() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void theHubSendsAndTakesDispatchMessages() throws Exception {
        JmsTemplate jms = jms();
        jms.send("sangam.dispatch.health", session -> {
            Message message = session.createTextMessage("{\"applicationId\": \"SGM-2026-0000001\"}");
            message.setStringProperty("_AMQ_DUPL_ID", "dispatch-1");
            message.setStringProperty(APPLICATION_ID, "SGM-2026-0000001");
            return message;
        });

        // The reconciler asks what the queue holds: waiting (browsed), held for redelivery, delivered.
        assertThat(new BrokerQueues(hub).held("sangam.dispatch.health", "sangam.dispatch.health", APPLICATION_ID,
                List.of("SGM-2026-0000001", "SGM-2026-0000002"))).containsExactly("SGM-2026-0000001");
        assertThat(jms.receive("sangam.dispatch.health").getStringProperty(APPLICATION_ID))
                .isEqualTo("SGM-2026-0000001");
    }

    @Test
    void theHubPublishesCompletionEventsAndEachSubscriberTakesThem() throws Exception {
        JmsTemplate topic = jms();
        topic.setPubSubDomain(true);
        topic.send("sangam.events.application-completed", session -> {
            Message message = session.createTextMessage("{\"eventId\": \"event-1\"}");
            message.setStringProperty(APPLICATION_ID, "SGM-2026-0000003");
            return message;
        });
        // A replayed dead letter goes to one subscriber's queue only (address::queue, sent as to a topic).
        topic.send("sangam.events.application-completed::appeal",
                session -> session.createTextMessage("{\"eventId\": \"event-2\"}"));

        assertThat(new BrokerQueues(hub).held("sangam.events.application-completed", "feedback", APPLICATION_ID,
                Set.of("SGM-2026-0000003"))).containsExactly("SGM-2026-0000003");
        for (String subscriber : List.of("feedback", "appeal")) {
            assertThat(jms().receive("sangam.events.application-completed::" + subscriber)).as(subscriber)
                    .isNotNull();
        }
        assertThat(jms().receive("sangam.events.application-completed::appeal")).as("the replay").isNotNull();
    }

    @Test
    void theHubTakesDeadLettersAndReplayedResultRows() {
        for (String queue : List.of("sangam.dead-letter", "sangam.result-rows")) {
            jms().send(queue, session -> session.createTextMessage("{}"));
            assertThat(jms().receive(queue)).as(queue).isNotNull();
        }
    }

    @Test
    void aQueueMissingFromBrokerXmlIsRefusedNotMadeUp() {
        // A department whose queue was not added: its applications are not left in a queue no one declared.
        assertThatThrownBy(() -> jms().send("sangam.dispatch.transport", session -> session.createTextMessage("{}")))
                .isInstanceOf(JmsSecurityException.class);
    }

    private static JmsTemplate jms() {
        JmsTemplate jms = new JmsTemplate(hub);
        jms.setReceiveTimeout(5_000);
        return jms;
    }
}
