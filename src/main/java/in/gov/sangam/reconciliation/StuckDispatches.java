package in.gov.sangam.reconciliation;

import java.util.List;
import java.util.Set;

/** Which applications waiting for dispatch are stuck, from what the database and the broker say. */
final class StuckDispatches {

    private StuckDispatches() {
    }

    /**
     * Those whose department's circuit is closed (an open circuit means the department is down: its applications
     * wait in the broker, held for redelivery, and are not the reconciler's) and for which the broker holds no
     * dispatch message in any state.
     *
     * @param openCircuits the departments whose circuit is open
     * @param inFlight the applications a dispatch message in the broker names
     */
    static List<WaitingDispatch> stuck(List<WaitingDispatch> waiting, Set<String> openCircuits, Set<String> inFlight) {
        return waiting.stream()
                .filter(dispatch -> !openCircuits.contains(dispatch.department()))
                .filter(dispatch -> !inFlight.contains(dispatch.applicationId()))
                .toList();
    }
}
