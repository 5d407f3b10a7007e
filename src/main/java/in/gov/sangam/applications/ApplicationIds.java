package in.gov.sangam.applications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Application ids citizens can read out over the phone: {@code SGM-<year>-<number>}, the number from a database
 * sequence so that several hub nodes never hand out the same one.
 */
public final class ApplicationIds {

    private ApplicationIds() {
    }

    private static final Pattern SHAPE = Pattern.compile("SGM-\\d{4}-\\d{7,}");

    public static boolean isApplicationId(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    public static String of(long number, Instant acknowledgedAt, ZoneId zone) {
        return "SGM-%d-%07d".formatted(acknowledgedAt.atZone(zone).getYear(), number);
    }
}
