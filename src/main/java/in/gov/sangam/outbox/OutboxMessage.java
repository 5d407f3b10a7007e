package in.gov.sangam.outbox;

/**
 * A message committed with the change it announces and waiting to be published.
 *
 * @param messageId unique id, also the broker's duplicate-detection id so that publishing twice delivers once
 * @param destination where it goes: {@code queue:<name>} or {@code topic:<name>} (a multicast address)
 */
public record OutboxMessage(long id, String messageId, String destination, String messageType, String aggregateId,
        String payload) {
}
