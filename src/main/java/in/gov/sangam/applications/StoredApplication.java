package in.gov.sangam.applications;

import java.time.Instant;

/** An application as the store holds it. Citizen identifiers are here only as the store keeps them. */
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
        String requestFingerprint) {
}
