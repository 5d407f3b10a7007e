package in.gov.sangam.messaging;

import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares, on the embedded broker, every address the hub needs (the queues other parts name, such as one dispatch
 * queue per department,
 * the completion-event address with a queue per subscriber, dead letters) and how failed deliveries are retried. An
 * external broker gets the same from its broker.xml (see README).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer sangamAddresses(List<QueueNames> queueNames, BrokerProperties broker) {
        return configuration -> {
            // Libaio is seldom installed, so Artemis writes its journal with NIO; both take the same timeout.
            // In nanoseconds, as an int: a timeout of seconds is no buffer timeout and fails the start, not wraps.
            int journalBufferTimeout = Math.toIntExact(broker.journalBufferTimeout().toNanos());
            configuration.setJournalBufferTimeout_NIO(journalBufferTimeout);
            configuration.setJournalBufferTimeout_AIO(journalBufferTimeout);
            configuration.addAddressSetting(Addresses.PREFIX + "#",
                    retried(broker, broker.maxDeliveryAttempts()));
            configuration.addAddressSetting(Addresses.PREFIX + "dispatch.#",
                    retried(broker, broker.dispatchMaxDeliveryAttempts()));
            configuration.addAddressSetting(Addresses.SMS_OUTGOING,
                    retried(broker, broker.dispatchMaxDeliveryAttempts()));
            configuration.addAddressSetting(Addresses.NOTICES,
                    retried(broker, broker.dispatchMaxDeliveryAttempts()));
            // The dead-letter queue itself never gives up a message.
            configuration.addAddressSetting(Addresses.DEAD_LETTER, new AddressSettings().setMaxDeliveryAttempts(-1));
            queueNames.stream().flatMap(names -> names.anycastQueues().stream())
                    .forEach(queue -> anycast(configuration, queue));
            configuration.addAddressConfiguration(new CoreAddressConfiguration()
                    .setName(Addresses.APPLICATION_COMPLETED)
                    .addRoutingType(RoutingType.MULTICAST)
                    .addQueueConfiguration(durable(Addresses.APPLICATION_COMPLETED, Addresses.FEEDBACK_SUBSCRIPTION,
                            RoutingType.MULTICAST))
                    .addQueueConfiguration(durable(Addresses.APPLICATION_COMPLETED, Addresses.APPEAL_SUBSCRIPTION,
                            RoutingType.MULTICAST)));
            anycast(configuration, Addresses.RESULT_ROWS);
            anycast(configuration, Addresses.SMS_OUTGOING);
            anycast(configuration, Addresses.NOTICES);
            anycast(configuration, Addresses.DEAD_LETTER);
            anycast(configuration, Addresses.EXPIRED);
        };
    }

    /** Redelivered with exponential back-off, then moved to the dead-letter address. */
    private static AddressSettings retried(BrokerProperties broker, int attempts) {
        return new AddressSettings()
                .setRedeliveryDelay(broker.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(broker.redeliveryMultiplier())
                .setMaxRedeliveryDelay(broker.maxRedeliveryDelay().toMillis())
                .setMaxDeliveryAttempts(attempts)
                .setDeadLetterAddress(SimpleString.of(Addresses.DEAD_LETTER))
                .setExpiryAddress(SimpleString.of(Addresses.EXPIRED));
    }

    private static void anycast(org.apache.activemq.artemis.core.config.Configuration configuration, String name) {
        configuration.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(durable(name, name, RoutingType.ANYCAST)));
    }

    private static QueueConfiguration durable(String address, String queue, RoutingType routing) {
        return QueueConfiguration.of(queue).setAddress(address).setRoutingType(routing).setDurable(true);
    }
}
