package in.gov.sangam.applications;

import in.gov.sangam.audit.AuditChannel;
import java.time.Instant;

/**
 * A department's report on one of its applications, from a callback, a status poll or a result file, before it is
 * normalised.
 *
 * @param applicationId the hub's id, or null when the department names the application by its own reference
 * @param status the department's own status code or a hub status
 * @param at when the department made the change, or null for "now"
 * @param channel how the update reached the hub, for the audit trail
 * @param actor who reported it, for the audit trail: the verified client id of a callback, or
 *     {@link in.gov.sangam.audit.AuditEvent#HUB} for what the hub fetched itself
 */
public record StatusUpdate(String department, String applicationId, String departmentReference, String status,
        String remark, String reason, Instant at, AuditChannel channel, String actor) {
}
