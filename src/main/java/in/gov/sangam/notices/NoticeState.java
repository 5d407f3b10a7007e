package in.gov.sangam.notices;

/** What became of a notice. */
public enum NoticeState {
    /** Requested and on its way (tried again while the gateway or the SMTP server is down). */
    PENDING,
    /** The SMS gateway or the SMTP server took it. */
    SENT,
    /** Refused (a number no phone has, an address the server does not know): a dead letter says why. */
    FAILED
}
