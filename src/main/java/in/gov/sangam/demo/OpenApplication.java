package in.gov.sangam.demo;

import in.gov.sangam.applications.ApplicationStatus;

/** An application a simulated department holds and has not finished with. */
record OpenApplication(String applicationId, String departmentReference, ApplicationStatus status) {
}
