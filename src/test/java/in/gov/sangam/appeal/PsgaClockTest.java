package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.catalogue.TimelineBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
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
    private static final HolidayCalendar HOLIDAYS = new HolidayCalendar(Map.of(LocalDate.parse("2026-12-25"),
            "Christmas"), Map.of("Srinagar", Map.of(LocalDate.parse("2026-12-07"), "Martyrs Day")));
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # Each case: the acknowledgement, the timeline, the district, the pauses (from/to; ...), the end of the
        # account, the deadline, and the days from the acknowledgement's on: + counted, - not (and why).
        # Calendar days: every day counts, the holidays too.
        calendar days count every day | 2026-12-23T04:30:00Z | 3 CALENDAR_DAYS | Anantnag | | \
            2026-12-26T04:30:00Z | 2026-12-26T04:30:00Z | 12-23 -acknowledged, 12-24 +1, 12-25 +2, 12-26 +3
        # Working days: Sunday, the fourth Saturday, Christmas by name.
        working days name what they skip | 2026-12-24T04:30:00Z | 2 WORKING_DAYS | Anantnag | | \
            2026-12-29T04:30:00Z | 2026-12-29T04:30:00Z | 12-24 -acknowledged, 12-25 -holiday: Christmas, \
            12-26 -fourth Saturday, 12-27 -Sunday, 12-28 +1, 12-29 +2
        # The district's own holiday, by name; the second Saturday.
        a district holiday is named | 2026-12-04T04:30:00Z | 3 WORKING_DAYS | Srinagar | | \
            2026-12-09T04:30:00Z | 2026-12-09T04:30:00Z | 12-04 -acknowledged, 12-05 +1, 12-06 -Sunday, \
            12-07 -district holiday (Srinagar): Martyrs Day, 12-08 +2, 12-09 +3
        second Saturday | 2026-12-11T04:30:00Z | 1 WORKING_DAYS | Anantnag | | 2026-12-14T04:30:00Z | \
            2026-12-14T04:30:00Z | 12-11 -acknowledged, 12-12 -second Saturday, 12-13 -Sunday, 12-14 +1
        # With the citizen from the first count for three and a half days: the count waits exactly that long.
        a pause moves a calendar timeline on by its length | 2026-11-29T04:45:30Z | 7 CALENDAR_DAYS | Anantnag | \
            2026-11-30T04:45:30Z/2026-12-03T16:45:30Z | 2026-12-09T16:45:30Z | 2026-12-09T16:45:30Z | \
            11-29 -acknowledged, 11-30 +1, 12-01 -clock stopped: with the citizen, \
            12-02 -clock stopped: with the citizen, 12-03 -clock stopped: with the citizen, 12-04 +2, 12-05 +3, \
            12-06 +4, 12-07 +5, 12-08 +6, 12-09 +7
        # With the citizen over Tuesday and Wednesday (working days): two working days more.
        a pause over working days | 2026-11-30T04:30:00Z | 3 WORKING_DAYS | Anantnag | \
            2026-11-30T12:00:00Z/2026-12-02T12:00:00Z | 2026-12-05T04:30:00Z | 2026-12-05T04:30:00Z | \
            11-30 -acknowledged, 12-01 -clock stopped: with the citizen, 12-02 -clock stopped: with the citizen, \
            12-03 +1, 12-04 +2, 12-05 +3
        # With the citizen over days that did not count anyway: no working day lost, the count waits its hours.
        a pause over closed days costs no working day | 2026-12-24T04:30:00Z | 2 WORKING_DAYS | Anantnag | \
            2026-12-25T00:00:00Z/2026-12-27T12:00:00Z | 2026-12-29T16:30:00Z | 2026-12-29T16:30:00Z | \
            12-24 -acknowledged, 12-25 -holiday: Christmas, 12-26 -fourth Saturday, 12-27 -Sunday, 12-28 +1, \
            12-29 +2
        # Six hours with the citizen on a working day: the count waits six hours, no day is lost.
        a short pause moves the count by its hours | 2026-11-30T04:30:00Z | 2 WORKING_DAYS | Anantnag | \
            2026-12-01T03:30:00Z/2026-12-01T09:30:00Z | 2026-12-02T10:30:00Z | 2026-12-02T10:30:00Z | \
            11-30 -acknowledged, 12-01 +1, 12-02 +2
        # A count moved past closed days onto a morning the application is with the citizen falls when it comes back.
        a count falls when the application comes back | 2026-12-11T04:30:00Z | 2 WORKING_DAYS | Anantnag | \
            2026-12-14T03:30:00Z/2026-12-14T09:30:00Z | 2026-12-15T09:30:00Z | 2026-12-15T09:30:00Z | \
            12-11 -acknowledged, 12-12 -second Saturday, 12-13 -Sunday, 12-14 +1, 12-15 +2
        # IST: 20:00 UTC on 3 December is 01:30 on Friday 4 December, so that is the acknowledgement's day.
        the day boundary is India time | 2026-12-03T20:00:00Z | 2 WORKING_DAYS | Anantnag | | 2026-12-05T20:00:00Z | \
            2026-12-06T20:00:00Z | 12-04 -acknowledged, 12-05 +1, 12-06 -Sunday, 12-07 +2
        # Delivered two days late: the account goes on past the deadline, counting the days late.
        the account goes on to the delivery | 2026-12-01T04:30:00Z | 2 CALENDAR_DAYS | Anantnag | | \
            2026-12-05T06:00:00Z | 2026-12-03T04:30:00Z | 12-01 -acknowledged, 12-02 +1, 12-03 +2, \
            12-04 +3 (1 day past the deadline), 12-05 +4 (2 days past the deadline)
        """)
    void theTimelineExplainsEachDayAndAgreesWithTheDeadline(String name, Instant acknowledged, String timeline,
            String district, String pauses, Instant until, Instant due, String expectedDays) {
        PsgaClock clock = new PsgaClock(ZoneId.of("Asia/Kolkata"), WORKING_DAYS);
        String[] daysAndBasis = timeline.split(" ");
        CatalogueService service = service(Integer.parseInt(daysAndBasis[0]), TimelineBasis.valueOf(daysAndBasis[1]));
        List<ClockPause> paused = pauses == null ? List.of() : Arrays.stream(pauses.split(";")).map(String::strip)
                .map(pause -> new ClockPause(Instant.parse(pause.split("/")[0]), Instant.parse(pause.split("/")[1])))
                .toList();

        PsgaTimeline explained = clock.timeline(acknowledged, service, district, paused, until);

        assertThat(explained.dueBy()).isEqualTo(due);
        assertThat(clock.dueDate(acknowledged, service, district, paused)).as("one logic").isEqualTo(due);
        String year = acknowledged.atZone(ZoneId.of("Asia/Kolkata")).getYear() + "-";
        List<String> shown = explained.days().stream().map(day -> day.date().toString().substring(year.length())
                + " " + (day.counted() ? "+" + day.explanation().substring("day ".length()).replaceFirst(" of \\d+", "")
                        : "-" + day.notCountedBecause())).toList();
        assertThat(shown).containsExactly(Arrays.stream(expectedDays.split(",")).map(String::strip)
                .toArray(String[]::new));
        assertThat(explained.pauses()).hasSize(paused.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // A pause counted as if it began at the acknowledgement: what StatusUpdates stored before the pauses were
        // known one by one. For calendar days, where the pause was makes no difference.
        "calendar days,  7, CALENDAR_DAYS, 2026-12-09T16:45:30Z",
        "working days,   7, WORKING_DAYS,  2026-12-10T16:45:30Z"})
    void aPauseGivenAsATotalCountsFromTheAcknowledgement(String name, int days, TimelineBasis basis, Instant due) {
        Instant acknowledged = Instant.parse("2026-11-29T04:45:30Z");
        CatalogueService service = service(days, basis);
        PsgaClock clock = new PsgaClock(ZoneId.of("Asia/Kolkata"), WORKING_DAYS);

        assertThat(clock.dueDate(acknowledged, service, "Anantnag", Duration.ofHours(84))).isEqualTo(due);
        assertThat(clock.dueDate(acknowledged, service, "Anantnag",
                List.of(new ClockPause(acknowledged, acknowledged.plus(Duration.ofHours(84)))))).isEqualTo(due);
    }

    @ParameterizedTest(name = "with the citizen {0}")
    @CsvSource({
        "from the acknowledgement, 2026-11-29T04:45:30Z/2026-12-02T16:45:30Z",
        "from the first count,     2026-11-30T04:45:30Z/2026-12-03T16:45:30Z",
        "on day 5,                 2026-12-04T06:00:00Z/2026-12-07T18:00:00Z"})
    void whereACalendarPauseFallsMakesNoDifference(String when, String pause) {
        Instant acknowledged = Instant.parse("2026-11-29T04:45:30Z");
        ClockPause paused = new ClockPause(Instant.parse(pause.split("/")[0]), Instant.parse(pause.split("/")[1]));

        assertThat(new PsgaClock(ZoneId.of("Asia/Kolkata"), WORKING_DAYS).dueDate(acknowledged,
                service(7, TimelineBasis.CALENDAR_DAYS), "Anantnag", List.of(paused)))
                .isEqualTo(Instant.parse("2026-12-09T16:45:30Z"));
    }

    private static CatalogueService service(int days, TimelineBasis basis) {
        return new CatalogueService("revenue-domicile-certificate", "Domicile Certificate", "revenue", null, days,
                basis, true, true, null, null, null, null, null);
    }
}
