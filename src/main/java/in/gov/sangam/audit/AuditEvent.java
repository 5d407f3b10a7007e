package in.gov.sangam.audit;

/**
 * A change to be written to the audit trail, as the code that made it describes it. The trail adds the sequence,
 * the time and the hashes.
 *
 * @param actor the verified client id of the caller, or {@link #HUB} for the hub's own work
 * @param detail a short note written by the hub itself; never citizen data, never text a department or a citizen
 *     wrote (a remark, a reason, an error message)
 */
public record AuditEvent(String actor, AuditAction action, AuditChannel channel, String applicationId,
        String department, String statusBefore, String statusAfter, String detail) {

    /** The actor of what the hub does by itself: polls, result files, the department's answer to a dispatch. */
    public static final String HUB = "hub";

    public AuditEvent {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An audit entry must name who made the change");
        }
        if (action == null) {
            throw new IllegalArgumentException("An audit entry must name what was done");
        }
    }
}
