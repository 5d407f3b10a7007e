package in.gov.sangam.appeal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which days count when a timeline is in working days: not Sundays, not the Saturdays of the month that government
 * offices close (the second and fourth by default, {@code sangam.psga.non-working-saturdays}), and not the holidays
 * of the state or of the applicant's district.
 */
public final class WorkingDays {

    private final HolidayCalendar holidays;
    private final Set<Integer> closedSaturdays;

    /** @param closedSaturdays which Saturdays of a month are closed, counted from 1 (the first) to 5 */
    public WorkingDays(HolidayCalendar holidays, Set<Integer> closedSaturdays) {
        this.holidays = holidays;
        this.closedSaturdays = Set.copyOf(closedSaturdays);
        closedSaturdays.forEach(nth -> {
            if (nth < 1 || nth > 5) {
                throw new IllegalArgumentException("A month's Saturdays are counted from 1 to 5 (found " + nth + ")");
            }
        });
    }

    private static final List<String> NTH = List.of("first", "second", "third", "fourth", "fifth");

    public boolean isWorkingDay(LocalDate day, String district) {
        return whyClosed(day, district).isEmpty();
    }

    /**
     * Why government offices are closed on the day, in the words the evidence record shows ({@code Sunday},
     * {@code second Saturday}, {@code holiday: <name>}, {@code district holiday (<district>): <name>}), or empty on a
     * working day.
     */
    public Optional<String> whyClosed(LocalDate day, String district) {
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of("Sunday");
        }
        int nthSaturday = (day.getDayOfMonth() - 1) / 7 + 1;
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY && closedSaturdays.contains(nthSaturday)) {
            return Optional.of(NTH.get(nthSaturday - 1) + " Saturday");
        }
        return holidays.holiday(day, district).map(holiday -> holiday.district() == null
                ? "holiday: " + holiday.name()
                : "district holiday (" + holiday.district() + "): " + holiday.name());
    }
}
