package in.gov.sangam.feedback;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The hours in which no survey SMS is sent ({@code sangam.feedback.quiet-hours}, such as {@code 21:00-08:00} in the
 * state's time zone; empty for none): a survey due then goes out when they end.
 */
public final class QuietHours {

    private final LocalTime from;
    private final LocalTime until;
    private final ZoneId zone;

    private QuietHours(LocalTime from, LocalTime until, ZoneId zone) {
        this.from = from;
        this.until = until;
        this.zone = zone;
    }

    /** @param hours {@code HH:mm-HH:mm}, which may run past midnight, or empty for no quiet hours */
    public static QuietHours of(String hours, ZoneId zone) {
        if (hours == null || hours.isBlank()) {
            return new QuietHours(null, null, zone);
        }
        String[] ends = hours.strip().split("-");
        try {
            if (ends.length != 2) {
                throw new DateTimeParseException("two times are needed", hours, 0);
            }
            LocalTime from = LocalTime.parse(ends[0].strip());
            LocalTime until = LocalTime.parse(ends[1].strip());
            if (from.equals(until)) {
                throw new DateTimeParseException("they must differ", hours, 0);
            }
            return new QuietHours(from, until, zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sangam.feedback.quiet-hours must be like 21:00-08:00, or empty for "
                    + "none (found '" + hours + "')", e);
        }
    }

    /** When a survey due at {@code due} may be sent: then, or when the quiet hours it falls in end. */
    public Instant sendAt(Instant due) {
        if (from == null) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = from.isAfter(until);
        boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return due;
        }
        ZonedDateTime end = local.with(until);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
