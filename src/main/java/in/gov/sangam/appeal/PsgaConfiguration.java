package in.gov.sangam.appeal;

import java.time.ZoneId;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** The PSGA clock of the state: its time zone, its holiday calendar and the Saturdays its offices close. */
@Configuration(proxyBeanMethods = false)
class PsgaConfiguration {

    @Bean
    PsgaClock psgaClock(@Value("${sangam.time-zone}") String zone,
            @Value("${sangam.psga.holidays}") Resource holidays,
            @Value("${sangam.psga.non-working-saturdays}") Set<Integer> closedSaturdays) {
        return new PsgaClock(ZoneId.of(zone), new WorkingDays(HolidayCalendar.read(holidays), closedSaturdays));
    }
}
