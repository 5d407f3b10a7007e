package in.gov.sangam.audit;

/** How a change reached the hub; {@link #value()} is the contract's name for it. */
public enum AuditChannel {
    /** The portal or the app submitted an application. */
    PORTAL("portal"),
    /** The department's system called the hub back. */
    CALLBACK("callback"),
    /** The hub asked the department (status polling). */
    POLL("poll"),
    /** A row of the department's result file. */
    RESULT_FILE("result-file"),
    /** The department's answer when the application was handed over to it. */
    DISPATCH("dispatch"),
    /** An administrator. */
    OPERATOR("operator"),
    /** The hub's reconciler, moving stuck work on by itself. */
    RECONCILIATION("reconciliation");

    private final String value;

    AuditChannel(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
