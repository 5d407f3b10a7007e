package in.gov.sangam.applications;

/** An application a department holds and has not finished with. */
public record OpenApplication(String applicationId, String departmentReference, ApplicationStatus status) {
}
