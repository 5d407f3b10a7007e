package in.gov.sangam.applications;

import java.time.Instant;

/** Everything the store needs to record a freshly acknowledged application. */
public record NewApplication(
        String applicationId,
        String serviceCode,
        String department,
        String applicantName,
        String applicantMobile,
        String applicantAadhaarEncrypted,
        String applicantAadhaarLastFour,
        String applicantEmail,
        String applicantDistrict,
        String applicantLanguage,
        String formDataJson,
        Instant acknowledgedAt,
        Instant dueBy,
        Instant warnAt,
        String clientId,
        String idempotencyKey,
        String requestFingerprint) {
}
