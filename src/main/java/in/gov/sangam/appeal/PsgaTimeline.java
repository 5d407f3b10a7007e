package in.gov.sangam.appeal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An application's PSGA timeline as the clock counted it, day by day: the deadline and why each day counted or did
 * not. Made by {@link PsgaClock#timeline}, the same walk that gives {@link PsgaClock#dueDate}, so the explanation and
 * the deadline cannot disagree.
 *
 * @param until where the day-by-day account ends (the days go on to the due day at least)
 */
public record PsgaTimeline(Instant dueBy, Instant until, List<Day> days, List<Pause> pauses) {

    /** Why a day did not count when the clock stood: the application was with the citizen. */
    public static final String WITH_THE_CITIZEN = "clock stopped: with the citizen";
    /** Why the acknowledgement's day does not count: the count starts on the day after. */
    public static final String ACKNOWLEDGED = "acknowledged";

    /**
     * One day on the state's calendar.
     *
     * @param day which day of the timeline it was, when it counted (past the timeline's days: the days late)
     * @param notCountedBecause why not, when it did not count
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Day(LocalDate date, boolean counted, Integer day, String notCountedBecause, String explanation) {
    }

    /** A period the application was with the citizen, and the days it touched. */
    public record Pause(Instant from, Instant to, List<LocalDate> days) {
    }
}
