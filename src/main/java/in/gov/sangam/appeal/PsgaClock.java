package in.gov.sangam.appeal;

import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.catalogue.TimelineBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Public Services Guarantee Act's clock: when a service falls due, and why, day by day. The time limit runs from
 * the acknowledgement of a complete application, counted in the state's time zone so that "15 days" means 15 days on
 * the calendar citizens use: calendar days, or working days (see {@link WorkingDays}) as the service's catalogue
 * entry says.
 *
 * <p>The count moves on once a day, at the acknowledgement's time of day: day 1 is the day after the
 * acknowledgement, and the deadline is that time on the last day counted. A working-day timeline counts only working
 * days: a count that would fall on a closed day falls on the next working day, at the same time. The clock stands
 * while the application is with the citizen (RETURNED_TO_CITIZEN): the count waits exactly as long as it stood, so
 * each pause moves the rest of the timeline on by its length (and a count that would fall while the application is
 * with the citizen falls when it comes back).
 *
 * <p>One walk ({@link #timeline}) gives both the deadline and the account of each day, so they cannot disagree.
 */
public class PsgaClock {

    /** The days the account shows at most, beyond which a timeline is cut (about thirteen years). */
    private static final int MOST_DAYS = 5000;

    private final ZoneId zone;
    private final WorkingDays workingDays;

    public PsgaClock(ZoneId zone, WorkingDays workingDays) {
        this.zone = zone;
        this.workingDays = workingDays;
    }

    /**
     * The deadline of an application whose clock has stood for {@code stopped} in all, counted as if it had stood
     * from the acknowledgement on: {@link #dueDate(Instant, CatalogueService, String, List)} with the pauses where
     * they were is exact; for a calendar-day timeline the two are the same.
     *
     * @param district the applicant's district, whose own holidays a working-day timeline skips too
     */
    public Instant dueDate(Instant acknowledgedAt, CatalogueService service, String district, Duration stopped) {
        return dueDate(acknowledgedAt, service, district,
                stopped.isZero() ? List.of() : List.of(new ClockPause(acknowledgedAt, acknowledgedAt.plus(stopped))));
    }

    /** @param district the applicant's district, whose own holidays a working-day timeline skips too */
    public Instant dueDate(Instant acknowledgedAt, CatalogueService service, String district) {
        return dueDate(acknowledgedAt, service, district, List.of());
    }

    /** @param pauses the periods the application was with the citizen (one going on ends now) */
    public Instant dueDate(Instant acknowledgedAt, CatalogueService service, String district,
            List<ClockPause> pauses) {
        return new Walk(acknowledgedAt, service, district, pauses).tick(service.timelineDays());
    }

    /**
     * The timeline day by day from the acknowledgement's day to the due day, and on to {@code until} (the final
     * decision, or now) if that is later.
     */
    public PsgaTimeline timeline(Instant acknowledgedAt, CatalogueService service, String district,
            List<ClockPause> pauses, Instant until) {
        Walk walk = new Walk(acknowledgedAt, service, district, pauses);
        int timelineDays = service.timelineDays();
        Instant dueBy = walk.tick(timelineDays);
        LocalDate first = local(acknowledgedAt).toLocalDate();
        LocalDate last = latest(local(dueBy).toLocalDate(), local(until).toLocalDate());
        if (last.isAfter(first.plusDays(MOST_DAYS))) {
            last = first.plusDays(MOST_DAYS);
        }
        Map<LocalDate, Integer> countedOn = new HashMap<>();
        for (int day = 1; ; day++) {
            LocalDate date = local(walk.tick(day)).toLocalDate();
            if (date.isAfter(last)) {
                break;
            }
            countedOn.put(date, day);
        }
        List<PsgaTimeline.Day> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            Integer day = countedOn.get(date);
            if (day != null) {
                String explanation = "day " + day + " of " + timelineDays + (day > timelineDays
                        ? " (" + (day - timelineDays) + (day - timelineDays == 1 ? " day" : " days")
                                + " past the deadline)" : "");
                days.add(new PsgaTimeline.Day(date, true, day, null, explanation));
            } else {
                String why = whyNotCounted(date, first, service, district, walk.pauses);
                days.add(new PsgaTimeline.Day(date, false, null, why, "not counted: " + why));
            }
        }
        List<PsgaTimeline.Pause> shown = walk.pauses.stream().map(pause -> new PsgaTimeline.Pause(pause.from(),
                pause.to(), datesTouched(pause))).toList();
        return new PsgaTimeline(dueBy, until, days, shown);
    }

    private String whyNotCounted(LocalDate date, LocalDate acknowledged, CatalogueService service, String district,
            List<ClockPause> pauses) {
        if (date.equals(acknowledged)) {
            return PsgaTimeline.ACKNOWLEDGED;
        }
        if (service.timelineBasis() == TimelineBasis.WORKING_DAYS) {
            Optional<String> closed = workingDays.whyClosed(date, district);
            if (closed.isPresent()) {
                return closed.get();
            }
        }
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (pauses.stream().anyMatch(pause -> pause.from().isBefore(end) && pause.to().isAfter(start))) {
            return PsgaTimeline.WITH_THE_CITIZEN;
        }
        // Only when a count falls at midnight exactly: the day ran, and its count fell at the start of the next.
        return "its count fell at the start of the next day";
    }

    private List<LocalDate> datesTouched(ClockPause pause) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate last = local(pause.to().equals(pause.from()) ? pause.to() : pause.to().minusNanos(1)).toLocalDate();
        for (LocalDate date = local(pause.from()).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            dates.add(date);
        }
        return dates;
    }

    private ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }

    private static LocalDate latest(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    /** The count's moments: tick 0 is the acknowledgement, tick n the moment day n is counted. */
    private final class Walk {

        private final CatalogueService service;
        private final String district;
        private final List<ClockPause> pauses;
        private final List<Instant> ticks = new ArrayList<>();

        Walk(Instant acknowledgedAt, CatalogueService service, String district, List<ClockPause> pauses) {
            this.service = service;
            this.district = district;
            this.pauses = pauses.stream().sorted(Comparator.comparing(ClockPause::from)).toList();
            ticks.add(acknowledgedAt);
        }

        Instant tick(int day) {
            while (ticks.size() <= day) {
                ticks.add(next(ticks.get(ticks.size() - 1)));
            }
            return ticks.get(day);
        }

        /** A day after the last count, later by each pause that began before it, on a day that counts. */
        private Instant next(Instant previous) {
            ZonedDateTime count = local(previous).plusDays(1);
            for (ClockPause pause : pauses) {
                if (!pause.from().isBefore(previous) && pause.from().isBefore(count.toInstant())) {
                    count = count.plus(Duration.between(pause.from(), pause.to()));
                }
            }
            boolean moved = true;
            while (moved) {
                moved = false;
                if (service.timelineBasis() == TimelineBasis.WORKING_DAYS
                        && !workingDays.isWorkingDay(count.toLocalDate(), district)) {
                    count = ZonedDateTime.of(count.toLocalDate().plusDays(1), count.toLocalTime(), zone);
                    moved = true;
                }
                for (ClockPause pause : pauses) {
                    Instant at = count.toInstant();
                    // A count that falls as the application goes to the citizen was made: its day had run.
                    if (at.isAfter(pause.from()) && at.isBefore(pause.to())) {
                        count = local(pause.to());
                        moved = true;
                    }
                }
            }
            return count.toInstant();
        }
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
