package in.gov.sangam.applications;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Application ids citizens can read out over the phone: {@code SGM-<year>-<number>}, the number from a database
 * sequence so that several hub nodes never hand out the same one.
 */
public final class ApplicationIds {

    private ApplicationIds() {
    }

    public static String of(long number, Instant acknowledgedAt, ZoneId zone) {
        return "SGM-%d-%07d".formatted(acknowledgedAt.atZone(zone).getYear(), number);
    }
}
