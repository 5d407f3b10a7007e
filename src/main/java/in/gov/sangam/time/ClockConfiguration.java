package in.gov.sangam.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock all of the hub's time comes from; tests replace it with one they set by hand. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${sangam.clock.speed:1}") double speed, @Value("${sangam.time-zone}") String zone) {
        return new ScaledClock(Clock.system(ZoneId.of(zone)), speed);
    }
}
