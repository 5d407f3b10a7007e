package in.gov.sangam.applications;

import java.time.Instant;

/** One entry of an application's history. */
public record StatusChange(ApplicationStatus status, Instant at, String remark) {
}
