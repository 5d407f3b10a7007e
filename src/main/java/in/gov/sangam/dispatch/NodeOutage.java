package in.gov.sangam.dispatch;

import java.time.Instant;

/**
 * A department's outage as one hub node recorded it.
 *
 * @param to when it ended, or null while it goes on
 * @param endSeen false when its node stopped before the department answered again: {@code to} is then the last time
 *     that node saw it down, not the moment it was over
 */
record NodeOutage(String node, Instant from, Instant to, String reason, boolean endSeen) {
}
