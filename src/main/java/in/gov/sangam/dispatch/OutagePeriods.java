package in.gov.sangam.dispatch;

import in.gov.sangam.appeal.DepartmentOutageHistory.Outage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nodes' outages of one department made into the periods it was down: a period when ANY node saw it down.
 * Dispatch goes through whichever node takes the message, and a node's circuit opens only on the calls it makes
 * itself: a node with a closed circuit may simply have had nothing to send, which says nothing of the department.
 */
final class OutagePeriods {

    static final String END_NOT_SEEN = " (end not seen: the hub node recording it stopped; taken to end when that "
            + "node last saw it down)";

    private OutagePeriods() {
    }

    /**
     * @param outages the nodes' outages, in any order; one still going on ends at {@code to}
     * @return the periods within [from, to) when any node saw the department down, overlapping and touching ones
     *     made one, ordered by start; each gives the distinct reasons of the outages it is made of
     */
    static List<Outage> merge(List<NodeOutage> outages, Instant from, Instant to) {
        List<NodeOutage> byStart = outages.stream().sorted(Comparator.comparing(NodeOutage::from)).toList();
        List<Outage> periods = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        Set<String> reasons = new LinkedHashSet<>();
        for (NodeOutage outage : byStart) {
            Instant clippedStart = later(outage.from(), from);
            Instant clippedEnd = outage.to() == null ? to : earlier(outage.to(), to);
            if (!clippedEnd.isAfter(clippedStart)) {
                continue;
            }
            if (end != null && clippedStart.isAfter(end)) {
                periods.add(new Outage(start, end, String.join("; ", reasons)));
                start = null;
                reasons.clear();
            }
            if (start == null) {
                start = clippedStart;
                end = clippedEnd;
            } else {
                end = later(end, clippedEnd);
            }
            reasons.add(outage.endSeen() ? outage.reason() : outage.reason() + END_NOT_SEEN);
        }
        if (start != null) {
            periods.add(new Outage(start, end, String.join("; ", reasons)));
        }
        return periods;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
