package in.gov.sangam.notices;

/** A notice's message names no notice, or its recipient cannot be read back: trying again would fail again. */
public class CannotSendNoticeException extends RuntimeException {

    public CannotSendNoticeException(String message) {
        super(message);
    }
}
