package in.gov.sangam.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScaledClockTest {

    private static final Instant START = Instant.parse("2026-11-29T04:45:30Z");

    @Test
    void runsSpeedTimesFasterThanTheClockBeneathIt() {
        MutableClock base = new MutableClock(START, ZoneOffset.UTC);
        ScaledClock fast = new ScaledClock(base, 1440);

        base.advance(Duration.ofMinutes(1));

        assertThat(fast.instant()).isEqualTo(START.plus(Duration.ofDays(1)));
    }

    @Test
    void atSpeedOneItIsTheClockBeneathIt() {
        MutableClock base = new MutableClock(START, ZoneOffset.UTC);
        ScaledClock clock = new ScaledClock(base, 1);

        base.advance(Duration.ofHours(3));

        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(3)));
    }

    @Test
    void refusesASpeedThatIsNotPositive() {
        assertThatThrownBy(() -> new ScaledClock(new MutableClock(START, ZoneOffset.UTC), 0))
                .hasMessageContaining("sangam.clock.speed");
    }
}
