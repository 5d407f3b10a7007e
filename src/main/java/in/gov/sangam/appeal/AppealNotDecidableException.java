package in.gov.sangam.appeal;

/** An appeal no longer before its authority (decided already, or moved to the second authority) is not decided. */
public class AppealNotDecidableException extends RuntimeException {

    private final transient Appeal appeal;

    public AppealNotDecidableException(Appeal appeal) {
        super("Appeal " + appeal.appealId() + " is " + appeal.status());
        this.appeal = appeal;
    }

    /** The appeal as it stands. */
    public Appeal appeal() {
        return appeal;
    }
}
