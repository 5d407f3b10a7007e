package in.gov.sangam.faults;

import in.gov.sangam.messaging.Addresses;
import in.gov.sangam.outbox.OutboxRelay;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;

/**
 * The hub's embedded broker while the hub is not running: its journal (under the data directory, laid out as
 * Spring Boot's embedded Artemis lays it out) is opened by a broker in the test's JVM and closed again, so the hub
 * finds it as it left it, plus whatever the test added.
 */
final class BrokerJournal {

    /**
     * A subscriber of the completion events that only the test reads: it keeps every event the broker routed to the
     * subscribers, where the hub's own subscribers consume theirs (and, being idempotent, would hide an event the
     * broker let through twice).
     */
    static final String WITNESS = "fault-test-witness";

    private BrokerJournal() {
    }

    /** Adds {@link #WITNESS} to the completion events' address, before the hub publishes any. */
    static void addWitness(Path dataDir) throws Exception {
        ActiveMQServer server = open(dataDir);
        try {
            server.createQueue(QueueConfiguration.of(WITNESS).setAddress(Addresses.APPLICATION_COMPLETED)
                    .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        } finally {
            server.stop();
        }
    }

    /** For each queue named, how many messages it holds with each outbox message id ({@code SangamMessageId}). */
    static Map<String, Map<String, Integer>> messagesById(Path dataDir, String... queues) throws Exception {
        ActiveMQServer server = open(dataDir);
        try {
            Map<String, Map<String, Integer>> found = new HashMap<>();
            for (String name : queues) {
                Queue queue = server.locateQueue(SimpleString.of(name));
                if (queue == null) {
                    throw new IllegalStateException("The hub's broker has no queue " + name);
                }
                Map<String, Integer> byId = new HashMap<>();
                try (LinkedListIterator<MessageReference> messages = queue.browserIterator()) {
                    while (messages.hasNext()) {
                        String id = messages.next().getMessage().getStringProperty(OutboxRelay.MESSAGE_ID_HEADER);
                        byId.merge(String.valueOf(id), 1, Integer::sum);
                    }
                }
                found.put(name, byId);
            }
            return found;
        } finally {
            server.stop();
        }
    }

    private static ActiveMQServer open(Path dataDir) throws Exception {
        String broker = dataDir.resolve("broker").toString();
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setSecurityEnabled(false);
        configuration.setPersistenceEnabled(true);
        configuration.setJournalType(JournalType.NIO);
        configuration.setJournalDirectory(broker + "/journal");
        configuration.setBindingsDirectory(broker + "/bindings");
        configuration.setLargeMessagesDirectory(broker + "/largemessages");
        configuration.setPagingDirectory(broker + "/paging");
        configuration.setJMXManagementEnabled(false);
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        // Persistence as configured (the two-argument form would switch it off and show an empty broker).
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(configuration);
        server.start();
        return server;
    }
}
