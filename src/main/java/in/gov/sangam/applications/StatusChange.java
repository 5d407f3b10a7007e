package in.gov.sangam.applications;

import in.gov.sangam.appeal.ApplicationRecords;
import in.gov.sangam.appeal.ClockPause;
import java.time.Instant;
import java.util.List;

/**
 * One entry of an application's history.
 *
 * @param reason why the department rejected or returned the application, when it did
 */
public record StatusChange(ApplicationStatus status, Instant at, String remark, String reason) {

    /** The entry as the appeal subsystem reads it. */
    ApplicationRecords.Change asRecorded() {
        return new ApplicationRecords.Change(status.name(), at, remark, reason);
    }

    /**
     * The periods the history shows the application with the citizen, the PSGA clock standing (one going on ends at
     * {@code until}): each where it was, as the deadline is counted.
     */
    public static List<ClockPause> pauses(List<StatusChange> history, Instant until) {
        return ClockPause.fromHistory(history.stream().map(StatusChange::asRecorded).toList(), until);
    }
}
