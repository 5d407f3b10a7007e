package in.gov.sangam.dispatch;

/**
 * A dispatch message names an application that is no longer SUBMITTED: its department has it already (the message
 * is a redelivery or a copy). The connector route consumes the message and sends nothing.
 */
public class AlreadyWithDepartmentException extends RuntimeException {

    public AlreadyWithDepartmentException(String message) {
        super(message, null, false, false);
    }
}
