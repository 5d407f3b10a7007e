package in.gov.sangam.catalogue;

/** Whether a service's PSGA time limit counts every calendar day or only working days. */
public enum TimelineBasis {
    CALENDAR_DAYS,
    WORKING_DAYS
}
