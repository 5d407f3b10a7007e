package in.gov.sangam.appeal;

import in.gov.sangam.catalogue.CatalogueService;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Public Services Guarantee Act's clock: when a service falls due. The time limit runs from the acknowledgement
 * of a complete application, counted in the state's time zone so that "15 days" means 15 days on the calendar
 * citizens use.
 *
 * <p>Every timeline is counted in calendar days for now; counting working days against the holiday calendar, and
 * stopping the clock while an application is with the citizen, belong to the auto-appeal work.
 */
@Component
public class PsgaClock {

    private final ZoneId zone;

    public PsgaClock(@Value("${sangam.time-zone}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public Instant dueDate(Instant acknowledgedAt, CatalogueService service) {
        return acknowledgedAt.atZone(zone).plusDays(service.timelineDays()).toInstant();
    }
}
