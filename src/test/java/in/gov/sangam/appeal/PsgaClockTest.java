package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.catalogue.TimelineBasis;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a service falls due, as the PSGA clock counts today: calendar days from the acknowledgement, on the calendar
 * of the hub's time zone. (Working days, holidays and the clock stopping while an application is with the citizen
 * come with the auto-appeal work; this table changes then.)
 */
class PsgaClockTest {

    @ParameterizedTest(name = "acknowledged {1} in {0}, {2} days -> due {3}")
    @CsvSource({
        // In India: the due time is the acknowledgement's time of day, so many days later.
        "Asia/Kolkata,  2026-11-29T04:45:30Z, 15, 2026-12-14T04:45:30Z",
        "Asia/Kolkata,  2026-11-29T04:45:30Z,  1, 2026-11-30T04:45:30Z",
        "Asia/Kolkata,  2026-11-29T04:45:30Z, 30, 2026-12-29T04:45:30Z",
        // Across a month's end, a leap day and a year's end.
        "Asia/Kolkata,  2028-02-20T06:30:00Z, 10, 2028-03-01T06:30:00Z",
        "Asia/Kolkata,  2027-02-20T06:30:00Z, 10, 2027-03-02T06:30:00Z",
        "Asia/Kolkata,  2026-12-25T12:00:00Z, 21, 2027-01-15T12:00:00Z",
        // Late on a UTC evening it is already the next morning in India: due at that time of the morning.
        "Asia/Kolkata,  2026-11-29T20:00:00Z,  7, 2026-12-06T20:00:00Z",
        // Where clocks change, a day on the calendar is not 24 hours: the due time keeps its time of day.
        "Europe/Berlin, 2026-03-20T09:00:00Z, 15, 2026-04-04T08:00:00Z",
        "Europe/Berlin, 2026-10-20T08:00:00Z, 15, 2026-11-04T09:00:00Z"})
    void aServiceFallsDueItsTimelineInCalendarDaysAfterTheAcknowledgement(String zone, Instant acknowledged,
            int days, Instant due) {
        assertThat(new PsgaClock(zone).dueDate(acknowledged, service(days, TimelineBasis.CALENDAR_DAYS)))
                .isEqualTo(due);
    }

    @ParameterizedTest(name = "{0} days counted as {1}")
    @CsvSource({"15, CALENDAR_DAYS", "15, WORKING_DAYS"})
    void everyTimelineIsCountedInCalendarDaysForNow(int days, TimelineBasis basis) {
        // Friday 27 November 2026: fifteen working days would end well after fifteen calendar days.
        Instant acknowledged = Instant.parse("2026-11-27T05:00:00Z");

        assertThat(new PsgaClock("Asia/Kolkata").dueDate(acknowledged, service(days, basis)))
                .isEqualTo(Instant.parse("2026-12-12T05:00:00Z"));
    }

    private static CatalogueService service(int days, TimelineBasis basis) {
        return new CatalogueService("revenue-domicile-certificate", "Domicile Certificate", "revenue", null, days,
                basis, null, null, null, null, null);
    }
}
