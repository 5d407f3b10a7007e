package in.gov.sangam.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The time zone the hub shows times in (IST): instants are kept in UTC and shown with the state's offset. */
@Component
public class HubTimeZone {

    private final ZoneId zone;

    public HubTimeZone(@Value("${sangam.time-zone}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant as the state's clocks show it, or null for null. */
    public OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
