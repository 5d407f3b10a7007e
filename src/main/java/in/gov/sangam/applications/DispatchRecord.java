package in.gov.sangam.applications;

import java.time.Instant;

/** An application as a connector reads it to hand it to the department; the Aadhaar number is still encrypted. */
public record DispatchRecord(
        String applicationId,
        String serviceCode,
        String department,
        ApplicationStatus status,
        String applicantName,
        String applicantMobile,
        String applicantAadhaarEncrypted,
        String applicantEmail,
        String applicantDistrict,
        String applicantLanguage,
        String formDataJson,
        Instant acknowledgedAt,
        Instant dueBy) {
}
