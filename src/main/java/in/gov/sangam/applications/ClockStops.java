package in.gov.sangam.applications;

import java.time.Duration;
import java.time.Instant;

/**
 * The stops of an application's PSGA clock, which does not run while the application is with the citizen.
 *
 * @param stoppedSince when the clock stopped this time, or null while it runs
 * @param stoppedBefore how long it was stopped in all the stops that have ended
 */
public record ClockStops(Instant stoppedSince, Duration stoppedBefore) {

    public static final ClockStops NONE = new ClockStops(null, Duration.ZERO);

    public boolean running() {
        return stoppedSince == null;
    }

    /** How long the clock has been stopped, up to {@code now} if it is stopped now. */
    public Duration stoppedFor(Instant now) {
        return running() || now.isBefore(stoppedSince) ? stoppedBefore
                : stoppedBefore.plus(Duration.between(stoppedSince, now));
    }
}
