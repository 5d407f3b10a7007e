package in.gov.sangam.applications;

/** What applying a status update did; {@code changed} is false when the application already had the status. */
public record StatusUpdateOutcome(String applicationId, ApplicationStatus previousStatus, ApplicationStatus status,
        boolean changed) {
}
