package in.gov.sangam.feedback;

/** The SMS gateway could not be reached or failed (5xx, a time-out, its own credentials refused): worth trying again. */
public class SmsGatewayUnavailableException extends RuntimeException {

    public SmsGatewayUnavailableException(String message) {
        super(message);
    }
}
