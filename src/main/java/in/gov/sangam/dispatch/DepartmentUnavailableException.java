package in.gov.sangam.dispatch;

/**
 * The department's system could not be reached or failed on its side (connection refused, time-out, 5xx, SOAP
 * server fault). Worth trying again: the connector route retries it with back-off, and it counts against the
 * department's circuit. Raised by the route itself ({@code throwException}) once it has sorted the department's answer.
 */
public class DepartmentUnavailableException extends RuntimeException {

    public DepartmentUnavailableException(String message) {
        super(message);
    }

    public DepartmentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
