package in.gov.sangam.appeal;

import java.time.Instant;
import java.util.List;

/**
 * The applications' deadlines, as the appeal subsystem reads them (implemented by the applications' store): appeal
 * depends on this port, never on the applications themselves.
 */
public interface PsgaDeadlines {

    /**
     * Applications whose deadline falls after ({@code afterDueBy}, {@code afterId}) and at or before {@code upTo}, in
     * deadline order, at most {@code limit}: whatever their status, so that a sweep can walk them once.
     */
    List<Deadline> dueBetween(Instant afterDueBy, String afterId, Instant upTo, int limit);

    /**
     * Applications whose officer's warning falls after ({@code afterWarnAt}, {@code afterId}) and at or before
     * {@code upTo}, in that order, at most {@code limit}: whatever their status, so that a sweep can walk them once.
     */
    List<Warning> warningsBetween(Instant afterWarnAt, String afterId, Instant upTo, int limit);

    /** How many applications are still open past their deadline at {@code now}, per department and service. */
    List<OverdueCount> openPastDeadline(Instant now, String department);

    record OverdueCount(String department, String serviceCode, long count) {
    }

    /**
     * @param open whether it has no final status (neither DELIVERED nor REJECTED)
     * @param clockRunning whether its PSGA clock runs (it is not with the citizen)
     */
    record Deadline(String applicationId, String serviceCode, String department, String district, boolean open,
            boolean clockRunning, Instant acknowledgedAt, Instant dueBy) {
    }

    /**
     * An application's warning to its designated officer, due at {@code warnAt}, before its deadline {@code dueBy}.
     *
     * @param open whether it has no final status (neither DELIVERED nor REJECTED)
     * @param clockRunning whether its PSGA clock runs (it is not with the citizen)
     */
    record Warning(String applicationId, String serviceCode, String department, String district, boolean open,
            boolean clockRunning, Instant acknowledgedAt, Instant warnAt, Instant dueBy) {
    }
}
