package in.gov.sangam.feedback;

/** The SMS gateway refused the message (a bad number, a template it does not know): sending it again is refused again. */
public class SmsRefusedException extends RuntimeException {

    public SmsRefusedException(String message) {
        super(message);
    }
}
