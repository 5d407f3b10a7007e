package in.gov.sangam.audit;

/** What an audit entry records; the names are the contract's. */
public enum AuditAction {
    APPLICATION_SUBMITTED,
    STATUS_CHANGED,
    DISPATCH_FAILED,
    DEAD_LETTER_REPLAYED,
    /** The reconciler found an application with nothing in flight to its department and asked for it again. */
    DISPATCH_REQUESTED_AGAIN,
    /** An administrator had the department folders read again, and they are in use. */
    CATALOGUE_RELOADED
}
