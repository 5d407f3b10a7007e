package in.gov.sangam.dispatch;

/**
 * The department's system looked at the request and refused it (a 4xx answer, a SOAP client fault). Sending it
 * again would be refused again, so it is never retried: it becomes a dead letter that says why.
 */
public class DepartmentRefusedException extends RuntimeException {

    public DepartmentRefusedException(String reason) {
        super(reason);
    }
}
