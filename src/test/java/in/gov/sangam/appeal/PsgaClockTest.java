package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.catalogue.TimelineBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a service falls due: calendar or working days from the acknowledgement, on the calendar of the hub's time
 * zone, skipping Sundays, the second and fourth Saturdays and the holidays of the state and of the applicant's
 * district when the service counts working days.
 */
class PsgaClockTest {

    /** The state's holidays in this table: Christmas, and a local holiday of Srinagar on Monday 7 December 2026. */
    private static final HolidayCalendar HOLIDAYS = new HolidayCalendar(Set.of(LocalDate.parse("2026-12-25")),
            Map.of("Srinagar", Set.of(LocalDate.parse("2026-12-07"))));
    private static final WorkingDays WORKING_DAYS = new WorkingDays(HOLIDAYS, Set.of(2, 4));

    @ParameterizedTest(name = "acknowledged {1} in {0}, {2} calendar days -> due {3}")
    @CsvSource({
        // In India: the due time is the acknowledgement's time of day, so many days later.
        "Asia/Kolkata,  2026-11-29T04:45:30Z, 15, 2026-12-14T04:45:30Z",
        "Asia/Kolkata,  2026-11-29T04:45:30Z,  1, 2026-11-30T04:45:30Z",
        "Asia/Kolkata,  2026-11-29T04:45:30Z, 30, 2026-12-29T04:45:30Z",
        // Across a month's end, a leap day and a year's end; holidays do not count for calendar days.
        "Asia/Kolkata,  2028-02-20T06:30:00Z, 10, 2028-03-01T06:30:00Z",
        "Asia/Kolkata,  2027-02-20T06:30:00Z, 10, 2027-03-02T06:30:00Z",
        "Asia/Kolkata,  2026-12-20T12:00:00Z, 21, 2027-01-10T12:00:00Z",
        // Late on a UTC evening it is already the next morning in India: due at that time of the morning.
        "Asia/Kolkata,  2026-11-29T20:00:00Z,  7, 2026-12-06T20:00:00Z",
        // Where clocks change, a day on the calendar is not 24 hours: the due time keeps its time of day.
        "Europe/Berlin, 2026-03-20T09:00:00Z, 15, 2026-04-04T08:00:00Z",
        "Europe/Berlin, 2026-10-20T08:00:00Z, 15, 2026-11-04T09:00:00Z"})
    void aCalendarDayTimelineCountsEveryDay(String zone, Instant acknowledged, int days, Instant due) {
        assertThat(new PsgaClock(ZoneId.of(zone), WORKING_DAYS).dueDate(acknowledged,
                service(days, TimelineBasis.CALENDAR_DAYS), "Srinagar")).isEqualTo(due);
    }

    @ParameterizedTest(name = "acknowledged {0} (IST {1}), {2} working days in {3} -> due {4}")
    @CsvSource({
        // Monday 30 November 2026, 10:00 IST: Tue..Fri are 4 working days, Saturday 5 December is the first of the
        // month (open), Sunday is not counted.
        "2026-11-30T04:30:00Z, Mon 10:00, 1, Anantnag, 2026-12-01T04:30:00Z",
        "2026-11-30T04:30:00Z, Mon 10:00, 5, Anantnag, 2026-12-05T04:30:00Z",
        "2026-11-30T04:30:00Z, Mon 10:00, 6, Anantnag, 2026-12-07T04:30:00Z",
        // In Srinagar, Monday 7 December is a local holiday: one more day.
        "2026-11-30T04:30:00Z, Mon 10:00, 6, Srinagar, 2026-12-08T04:30:00Z",
        // Saturday 12 December is the second Saturday (closed), Saturday 19 the third (open).
        "2026-12-07T04:30:00Z, Mon 10:00, 5, Anantnag, 2026-12-14T04:30:00Z",
        "2026-12-14T04:30:00Z, Mon 10:00, 5, Anantnag, 2026-12-19T04:30:00Z",
        // Friday 25 December is Christmas and Saturday 26 the fourth Saturday: both skipped with the Sunday.
        "2026-12-24T04:30:00Z, Thu 10:00, 1, Anantnag, 2026-12-28T04:30:00Z",
        // Acknowledged on a Sunday: counting starts on Monday.
        "2026-11-29T04:45:30Z, Sun 10:15, 1, Anantnag, 2026-11-30T04:45:30Z",
        // Fifteen working days from Friday 27 November 2026 (Saturday 28 is the fourth) end well after fifteen
        // calendar days.
        "2026-11-27T05:00:00Z, Fri 10:30, 15, Anantnag, 2026-12-17T05:00:00Z",
        // Late on a UTC evening is the next day in India: the count starts from that day.
        "2026-12-03T20:00:00Z, Fri 01:30, 1, Anantnag, 2026-12-04T20:00:00Z"})
    void aWorkingDayTimelineSkipsSundaysClosedSaturdaysAndHolidays(Instant acknowledged, String ist, int days,
            String district, Instant due) {
        assertThat(new PsgaClock(ZoneId.of("Asia/Kolkata"), WORKING_DAYS).dueDate(acknowledged,
                service(days, TimelineBasis.WORKING_DAYS), district)).isEqualTo(due);
    }

    private static CatalogueService service(int days, TimelineBasis basis) {
        return new CatalogueService("revenue-domicile-certificate", "Domicile Certificate", "revenue", null, days,
                basis, true, true, null, null, null, null, null);
    }
}
