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
    void clocksMadeAtDifferentTimesWithTheSameOriginShowTheSameTime() {
        MutableClock base = new MutableClock(START, ZoneOffset.UTC);
        ScaledClock first = new ScaledClock(base, 86400, START);
        base.advance(Duration.ofSeconds(7));
        ScaledClock second = new ScaledClock(base, 86400, START);
        ScaledClock fromWhenItWasMade = new ScaledClock(base, 86400);

        base.advance(Duration.ofSeconds(3));

        assertThat(first.instant()).isEqualTo(START.plus(Duration.ofDays(10)));
        assertThat(second.instant()).isEqualTo(first.instant());
        assertThat(fromWhenItWasMade.instant()).isEqualTo(START.plus(Duration.ofSeconds(7)).plus(Duration.ofDays(3)));
    }

    @Test
    void countsFractionsOfASecondFromTheOrigin() {
        MutableClock base = new MutableClock(START, ZoneOffset.UTC);
        ScaledClock fast = new ScaledClock(base, 1440, START.minusMillis(250));

        assertThat(fast.instant()).isEqualTo(START.minusMillis(250).plus(Duration.ofMinutes(6)));
    }

    @Test
    void keepsCountingLongAfterItsOrigin() {
        // Nanoseconds times 86400 would overflow a long after 29 hours and stop the clock there.
        MutableClock base = new MutableClock(START, ZoneOffset.UTC);
        ScaledClock fast = new ScaledClock(base, 86400, START.minus(Duration.ofDays(40)));
        Instant now = fast.instant();

        base.advance(Duration.ofSeconds(1));

        assertThat(now).isEqualTo(START.minus(Duration.ofDays(40)).plus(Duration.ofDays(40L * 86400)));
        assertThat(fast.instant()).isEqualTo(now.plus(Duration.ofDays(1)));
    }

    @Test
    void withAnotherZoneKeepsItsOrigin() {
        MutableClock base = new MutableClock(START, ZoneOffset.UTC);
        ScaledClock fast = new ScaledClock(base, 1440, START.minus(Duration.ofMinutes(1)));

        assertThat(fast.withZone(ZoneOffset.ofHoursMinutes(5, 30)).instant()).isEqualTo(fast.instant());
    }

    @Test
    void refusesASpeedThatIsNotPositive() {
        assertThatThrownBy(() -> new ScaledClock(new MutableClock(START, ZoneOffset.UTC), 0))
                .hasMessageContaining("sangam.clock.speed");
    }
}
