package in.gov.sangam.messaging;

/** The broker addresses the hub uses, named once. */
public final class Addresses {

    /** Prefix of every Sangam address; broker-wide settings (redelivery, dead letters) match on it. */
    public static final String PREFIX = "sangam.";
    /** Completion events (DELIVERED, REJECTED): a multicast address, one queue per subscribing subsystem. */
    public static final String APPLICATION_COMPLETED = "sangam.events.application-completed";
    public static final String FEEDBACK_SUBSCRIPTION = "feedback";
    public static final String APPEAL_SUBSCRIPTION = "appeal";
    /** Rows of result files replayed from the dead letters, to be applied again. */
    public static final String RESULT_ROWS = "sangam.result-rows";
    /**
     * The survey SMS waiting for the SMS gateway. Retried as long as an application waiting for its department: a
     * gateway outage delays the survey, it does not drop it.
     */
    public static final String SMS_OUTGOING = "sangam.sms.outgoing";
    /**
     * Notices (SMS and e-mail) waiting for the SMS gateway or the SMTP server, retried as long as the survey SMS: an
     * outage delays a notice, it does not drop it.
     */
    public static final String NOTICES = "sangam.notices";
    /** Where a message lands after its last delivery attempt fails. */
    public static final String DEAD_LETTER = "sangam.dead-letter";
    public static final String EXPIRED = "sangam.expired";

    private Addresses() {
    }

    /** The queue a department's connector takes its applications from. */
    public static String dispatch(String department) {
        return "sangam.dispatch." + department;
    }
}
