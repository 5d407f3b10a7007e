package in.gov.sangam.dispatch;

/**
 * The department took an application, and the hub could not record its answer (the database out of reach or
 * failing). The connector route records it again, first in place and then from the queue with the answer kept in
 * the message, so the department is never sent the application a second time.
 */
public class AnswerNotRecordedException extends RuntimeException {

    public AnswerNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}
