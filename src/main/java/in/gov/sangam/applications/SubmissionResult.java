package in.gov.sangam.applications;

/**
 * What a submission produced.
 *
 * @param replayed true when the idempotency key had been used with the same body before and nothing new was created
 */
public record SubmissionResult(StoredApplication application, boolean replayed) {
}
