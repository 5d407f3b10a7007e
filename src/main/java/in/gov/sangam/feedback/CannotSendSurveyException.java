package in.gov.sangam.feedback;

/** A survey SMS that cannot be made (no such survey, no number): trying again cannot mend it. */
public class CannotSendSurveyException extends RuntimeException {

    public CannotSendSurveyException(String message) {
        super(message);
    }
}
