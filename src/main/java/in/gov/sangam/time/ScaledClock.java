package in.gov.sangam.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs {@code speed} times faster than the one beneath it, counted from an origin: at the origin it
 * shows the real time, and {@code origin + (now - origin) × speed} after it. With speed 1 it is the system clock; the
 * demo sets a large speed so that a PSGA timeline of weeks passes in minutes. Nodes given the same origin show the
 * same time however far apart they started; without one, the origin is the moment the clock was made.
 */
public final class ScaledClock extends Clock {

    private final Clock base;
    private final double speed;
    private final Instant origin;

    /** Counted from now: right for one node alone. */
    public ScaledClock(Clock base, double speed) {
        this(base, speed, base.instant());
    }

    /** Counted from {@code origin}, which every node of a hub is given so that their clocks agree. */
    public ScaledClock(Clock base, double speed, Instant origin) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
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
        // In seconds, not nanoseconds: nanoseconds times 86400 overflow a long once a day and a bit has passed since
        // the origin, and an origin given to several nodes may well lie that far back.
        Duration elapsed = Duration.between(origin, now);
        double scaledSeconds = (elapsed.getSeconds() + elapsed.getNano() / 1e9) * speed;
        double wholeSeconds = Math.floor(scaledSeconds);
        return origin.plusSeconds((long) wholeSeconds).plusNanos(Math.round((scaledSeconds - wholeSeconds) * 1e9));
    }

    @Override
    public String toString() {
        return "ScaledClock[" + speed + "x from " + origin + " over " + base + "]";
    }
}
