package in.gov.sangam.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs {@code speed} times faster than the one beneath it, from the moment it was made. With speed 1 it
 * is the system clock; the demo sets a large speed so that a PSGA timeline of weeks passes in minutes.
 */
public final class ScaledClock extends Clock {

    private final Clock base;
    private final double speed;
    private final Instant origin;

    public ScaledClock(Clock base, double speed) {
        this(base, speed, base.instant());
    }

    private ScaledClock(Clock base, double speed, Instant origin) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("sangam.clock.speed must be above 0, found " + speed);
        }
        this.base = base;
        this.speed = speed;
        this.origin = origin;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), speed, origin);
    }

    @Override
    public Instant instant() {
        Instant now = base.instant();
        if (speed == 1) {
            return now;
        }
        long elapsedNanos = Duration.between(origin, now).toNanos();
        return origin.plusNanos((long) (elapsedNanos * speed));
    }
}
