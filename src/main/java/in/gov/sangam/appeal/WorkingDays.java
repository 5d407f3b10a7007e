package in.gov.sangam.appeal;

import java.time.DayOfWeek;
import java.time.LocalDate;
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

    public boolean isWorkingDay(LocalDate day, String district) {
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY && closedSaturdays.contains((day.getDayOfMonth() - 1) / 7 + 1)) {
            return false;
        }
        return !holidays.isHoliday(day, district);
    }
}
