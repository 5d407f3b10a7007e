package in.gov.sangam.applications;

import java.time.Instant;

/**
 * One entry of an application's history.
 *
 * @param reason why the department rejected or returned the application, when it did
 */
public record StatusChange(ApplicationStatus status, Instant at, String remark, String reason) {
}
