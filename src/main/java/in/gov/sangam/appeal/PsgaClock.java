package in.gov.sangam.appeal;

import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.catalogue.TimelineBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The Public Services Guarantee Act's clock: when a service falls due. The time limit runs from the acknowledgement
 * of a complete application, counted in the state's time zone so that "15 days" means 15 days on the calendar
 * citizens use: calendar days, or working days (see {@link WorkingDays}) as the service's catalogue entry says. The
 * due time is the acknowledgement's time of day on the last day counted; a working-day count starts on the day after
 * the acknowledgement, whatever day that was.
 *
 * <p>The clock stops while an application is with the citizen (RETURNED_TO_CITIZEN): the time it spent there is
 * added to the acknowledgement, and the timeline is counted from there.
 */
public class PsgaClock {

    private final ZoneId zone;
    private final WorkingDays workingDays;

    public PsgaClock(ZoneId zone, WorkingDays workingDays) {
        this.zone = zone;
        this.workingDays = workingDays;
    }

    /**
     * @param district the applicant's district, whose own holidays a working-day timeline skips too
     * @param stopped how long the clock has been stopped while the application was with the citizen
     */
    public Instant dueDate(Instant acknowledgedAt, CatalogueService service, String district, Duration stopped) {
        return dueDate(acknowledgedAt.plus(stopped), service, district);
    }

    /** @param district the applicant's district, whose own holidays a working-day timeline skips too */
    public Instant dueDate(Instant acknowledgedAt, CatalogueService service, String district) {
        ZonedDateTime acknowledged = acknowledgedAt.atZone(zone);
        if (service.timelineBasis() != TimelineBasis.WORKING_DAYS) {
            return acknowledged.plusDays(service.timelineDays()).toInstant();
        }
        LocalDate day = acknowledged.toLocalDate();
        int counted = 0;
        while (counted < service.timelineDays()) {
            day = day.plusDays(1);
            if (workingDays.isWorkingDay(day, district)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, acknowledged.toLocalTime(), zone).toInstant();
    }

    /**
     * When the designated officer is warned: once {@code share} of the time from the acknowledgement (moved on by the
     * time the clock stood) to {@code dueBy} has passed.
     */
    public Instant warnAt(Instant acknowledgedAt, Duration stopped, Instant dueBy, double share) {
        Instant start = acknowledgedAt.plus(stopped);
        return start.plusSeconds(Math.round(Duration.between(start, dueBy).toSeconds() * share));
    }
}
