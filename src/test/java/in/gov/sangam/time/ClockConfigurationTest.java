package in.gov.sangam.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.support.MutableClock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockConfigurationTest {

    private static final Instant NOW = Instant.parse("2026-11-29T04:45:30Z");
    private final MutableClock system = new MutableClock(NOW, ZoneOffset.UTC);

    @Test
    void withoutAnOriginTheClockCountsFromNow() {
        assertThat(ClockConfiguration.origin("", system)).isEqualTo(NOW);
        assertThat(ClockConfiguration.origin(null, system)).isEqualTo(NOW);
    }

    @Test
    void takesTheOriginAsAnIsoInstantInUtcOrWithAnOffset() {
        assertThat(ClockConfiguration.origin("2026-11-28T00:00:00Z", system))
                .isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(ClockConfiguration.origin("2026-11-28T05:30:00+05:30", system))
                .isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void anOriginThatIsNotAnInstantStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> ClockConfiguration.origin("yesterday", system))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sangam.clock.origin").hasMessageContaining("yesterday");
    }
}
