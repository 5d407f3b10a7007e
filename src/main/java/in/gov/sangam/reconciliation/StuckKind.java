package in.gov.sangam.reconciliation;

/** The kinds of stuck work the reconciler looks for; {@link #code()} is the contract's name of each. */
public enum StuckKind {
    /** An application still SUBMITTED whose dispatch message is nowhere in its department's queue. */
    SUBMITTED_NOT_IN_FLIGHT("submitted-not-in-flight"),
    /** An outbox message committed long ago and not yet published to the broker. */
    OUTBOX_UNPUBLISHED("outbox-unpublished"),
    /** A department's result file claimed by a hub node that never read it to the end. */
    RESULT_FILE_CLAIMS_ABANDONED("result-file-claims-abandoned"),
    /** A completion event that a subscriber has not consumed and that is not on its way to it. */
    COMPLETION_EVENTS_UNCONSUMED("completion-events-unconsumed");

    private final String code;

    StuckKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
