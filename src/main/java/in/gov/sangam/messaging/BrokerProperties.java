package in.gov.sangam.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the broker retries a message whose consumer failed, before giving it up as a dead letter, and how the embedded
 * broker writes its journal.
 *
 * @param redeliveryDelay wait before the first redelivery
 * @param redeliveryMultiplier each further wait is this many times the one before (exponential back-off)
 * @param maxRedeliveryDelay the longest wait between two deliveries
 * @param maxDeliveryAttempts deliveries before the message goes to the dead-letter queue
 * @param dispatchMaxDeliveryAttempts the same for applications on their way to a department: many more, so that a
 *     department down for hours loses nothing (its circuit breaker makes each attempt cheap meanwhile)
 * @param journalBufferTimeout how long the embedded broker gathers writes before it syncs them to disk; every
 *     transaction's commit waits for that sync. Artemis's NIO default, 3.3 ms (for 300 syncs a second), made each
 *     dispatch and each completion event wait for it one at a time (issue 12's benchmark); a disk that syncs in
 *     0.1 ms, as here, is better served by 0.5 ms (Artemis's own default for ASYNCIO). {@code artemis perf-journal}
 *     measures a disk: a slower one should get a longer timeout
 */
@ConfigurationProperties("sangam.broker")
public record BrokerProperties(
        @DefaultValue("1s") Duration redeliveryDelay,
        @DefaultValue("2.0") double redeliveryMultiplier,
        @DefaultValue("5m") Duration maxRedeliveryDelay,
        @DefaultValue("6") int maxDeliveryAttempts,
        @DefaultValue("200") int dispatchMaxDeliveryAttempts,
        @DefaultValue("500us") Duration journalBufferTimeout) {
}
