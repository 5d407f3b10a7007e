package in.gov.sangam.applications;

import java.time.Instant;

/**
 * An application as the store holds it. Citizen identifiers are here only as the store keeps them.
 *
 * @param submittedBy the client that submitted it: the only portal client that may read it
 * @param clockStops the stops of its PSGA clock; {@code dueBy} is moved on by those that have ended
 */
public record StoredApplication(
        String applicationId,
        String serviceCode,
        String department,
        ApplicationStatus status,
        String applicantName,
        String applicantMobile,
        String applicantAadhaarLastFour,
        String applicantDistrict,
        String applicantLanguage,
        Instant acknowledgedAt,
        Instant dueBy,
        String departmentReference,
        String requestFingerprint,
        String submittedBy,
        ClockStops clockStops) {
}
