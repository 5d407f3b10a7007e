package in.gov.sangam.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whether a relay holds an outbox message that waited too long, so that its claim is released. */
class UnpublishedMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-29T04:45:30Z");

    @Test
    void aClaimRunningBeyondNowIsHeld() {
        assertThat(message(NOW.plus(Duration.ofMinutes(4))).claimedAt(NOW)).isTrue();
    }

    @Test
    void aClaimThatRanOutOrNoneIsNotHeld() {
        // The relay claims it at its next look anyway: nothing to release.
        assertThat(message(NOW.minusSeconds(1)).claimedAt(NOW)).isFalse();
        assertThat(message(null).claimedAt(NOW)).isFalse();
    }

    private static UnpublishedMessage message(Instant claimedUntil) {
        return new UnpublishedMessage(7, "DispatchRequested", "SGM-2026-0000001", NOW.minus(Duration.ofHours(1)), 3,
                "broker away", claimedUntil);
    }
}
