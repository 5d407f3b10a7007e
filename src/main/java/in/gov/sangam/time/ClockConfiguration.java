package in.gov.sangam.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock all of the hub's time comes from; tests replace it with one they set by hand. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${sangam.clock.speed:1}") double speed, @Value("${sangam.clock.origin:}") String origin,
            @Value("${sangam.time-zone}") String zone) {
        Clock system = Clock.system(ZoneId.of(zone));
        ScaledClock clock = new ScaledClock(system, speed, origin(origin, system));
        if (speed != 1) {
            LOG.info("The hub's clock runs fast: {}", clock);
        }
        return clock;
    }

    /** The instant the fast clock counts from: the one given (the same on every node), or now. */
    static Instant origin(String setting, Clock system) {
        if (setting == null || setting.isBlank()) {
            return system.instant();
        }
        try {
            return Instant.parse(setting.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sangam.clock.origin must be an ISO instant such as "
                    + "2026-11-29T04:45:30Z, found " + setting, e);
        }
    }
}
