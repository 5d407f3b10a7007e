package in.gov.sangam.feedback;

/** The three answers the survey offers, as the state's rapid assessment counts them. */
public enum Rating {
    GOOD,
    AVERAGE,
    BAD
}
