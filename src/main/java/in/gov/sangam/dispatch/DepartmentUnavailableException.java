package in.gov.sangam.dispatch;

/**
 * The department's system could not be reached or failed on its side (connection refused, time-out, 5xx, SOAP
 * server fault). Worth trying again: it is retried with back-off, and counts against the department's circuit.
 */
public class DepartmentUnavailableException extends RuntimeException {

    public DepartmentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
