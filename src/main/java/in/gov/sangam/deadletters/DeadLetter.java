package in.gov.sangam.deadletters;

import java.time.Instant;

/**
 * A message the hub gave up on.
 *
 * @param source where it failed: {@code dispatch} (sending to the department), {@code result-file}, ...
 * @param destination where the original message was going, and where a replay sends it again
 */
public record DeadLetter(long id, String messageId, String department, String applicationId, String source,
        String reason, int attempts, String destination, String messageType, String payload, Instant failedAt,
        Instant replayedAt) {
}
