package in.gov.sangam.applications;

import static in.gov.sangam.applications.ApplicationStatus.DELIVERED;
import static in.gov.sangam.applications.ApplicationStatus.FORWARDED;
import static in.gov.sangam.applications.ApplicationStatus.IN_PROCESS;
import static in.gov.sangam.applications.ApplicationStatus.REJECTED;
import static in.gov.sangam.applications.ApplicationStatus.RETURNED_TO_CITIZEN;
import static in.gov.sangam.applications.ApplicationStatus.SUBMITTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one state machine every status change goes through, whichever way the department reported it:
 * SUBMITTED → FORWARDED → IN_PROCESS ⇄ RETURNED_TO_CITIZEN → DELIVERED or REJECTED. A department may reject an
 * application at any step before it is final (at intake, for instance, when it is incomplete), and a department
 * that reports less often than it works (status polling, daily result files) may skip IN_PROCESS.
 */
public final class StatusTransitions {

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = new EnumMap<>(ApplicationStatus.class);

    static {
        ALLOWED.put(SUBMITTED, EnumSet.of(FORWARDED, REJECTED));
        ALLOWED.put(FORWARDED, EnumSet.of(IN_PROCESS, RETURNED_TO_CITIZEN, DELIVERED, REJECTED));
        ALLOWED.put(IN_PROCESS, EnumSet.of(RETURNED_TO_CITIZEN, DELIVERED, REJECTED));
        ALLOWED.put(RETURNED_TO_CITIZEN, EnumSet.of(IN_PROCESS, REJECTED));
        ALLOWED.put(DELIVERED, EnumSet.noneOf(ApplicationStatus.class));
        ALLOWED.put(REJECTED, EnumSet.noneOf(ApplicationStatus.class));
    }

    private StatusTransitions() {
    }

    public static boolean isAllowed(ApplicationStatus from, ApplicationStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static boolean isFinal(ApplicationStatus status) {
        return ALLOWED.get(status).isEmpty();
    }

    public static Set<ApplicationStatus> next(ApplicationStatus from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }
}
