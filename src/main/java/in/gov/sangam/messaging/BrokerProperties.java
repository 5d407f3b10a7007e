package in.gov.sangam.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the broker retries a message whose consumer failed, before giving it up as a dead letter.
 *
 * @param redeliveryDelay wait before the first redelivery
 * @param redeliveryMultiplier each further wait is this many times the one before (exponential back-off)
 * @param maxRedeliveryDelay the longest wait between two deliveries
 * @param maxDeliveryAttempts deliveries before the message goes to the dead-letter queue
 * @param dispatchMaxDeliveryAttempts the same for applications on their way to a department: many more, so that a
 *     department down for hours loses nothing (its circuit breaker makes each attempt cheap meanwhile)
 */
@ConfigurationProperties("sangam.broker")
public record BrokerProperties(
        @DefaultValue("1s") Duration redeliveryDelay,
        @DefaultValue("2.0") double redeliveryMultiplier,
        @DefaultValue("5m") Duration maxRedeliveryDelay,
        @DefaultValue("6") int maxDeliveryAttempts,
        @DefaultValue("200") int dispatchMaxDeliveryAttempts) {
}
