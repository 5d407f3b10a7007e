package in.gov.sangam.outbox;

/**
 * A message committed with the change it announces and waiting to be published.
 *
 * @param messageId unique id, also the broker's duplicate-detection id so that publishing twice delivers once
 * @param destination the JMS queue or address it goes to
 */
public record OutboxMessage(long id, String messageId, String destination, String messageType, String aggregateId,
        String payload) {
}
