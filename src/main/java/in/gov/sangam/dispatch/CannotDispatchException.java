package in.gov.sangam.dispatch;

/**
 * The hub cannot go on with a message, and trying again would not help: the application it names is unknown, its
 * request cannot be rendered, or the department's answer cannot be used. The message becomes a dead letter at once
 * (and is consumed), so it is never sent to the department again and again.
 */
public class CannotDispatchException extends RuntimeException {

    public CannotDispatchException(String message) {
        super(message);
    }

    public CannotDispatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
