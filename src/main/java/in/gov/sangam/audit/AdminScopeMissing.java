package in.gov.sangam.audit;

/**
 * The caller of an audit operation does not hold the scope {@code admin}. Security refuses such callers before any
 * route runs; this is the second check, in the operation itself, so that a gap in the access rules does not open
 * the audit trail. The audit routes answer it with a 403 problem.
 */
public class AdminScopeMissing extends RuntimeException {

    public AdminScopeMissing() {
        super("This operation needs the scope 'admin'.");
    }
}
