package in.gov.sangam.applications;

/**
 * The one status vocabulary every department's own statuses are normalised to. DELIVERED and REJECTED are final;
 * the PSGA clock stands still while an application is RETURNED_TO_CITIZEN.
 */
public enum ApplicationStatus {
    SUBMITTED,
    FORWARDED,
    IN_PROCESS,
    RETURNED_TO_CITIZEN,
    DELIVERED,
    REJECTED
}
