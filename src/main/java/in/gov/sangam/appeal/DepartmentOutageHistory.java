package in.gov.sangam.appeal;

import java.time.Instant;
import java.util.List;

/**
 * When a department's connector could not deliver, as the hub recorded it: what an appeal needs to tell a system
 * failure from an officer's delay. Implemented by the dispatch side, which sees the connectors; the appeal only reads.
 */
public interface DepartmentOutageHistory {

    /**
     * The periods [from, to) the department's connector could not deliver, clipped to [from, to); an outage still
     * going on ends at {@code to}. Ordered by start.
     */
    List<Outage> between(String department, Instant from, Instant to);

    /** A period [from, to) the department's connector was down, and why (short, safe to show publicly). */
    record Outage(Instant from, Instant to, String reason) {
    }
}
