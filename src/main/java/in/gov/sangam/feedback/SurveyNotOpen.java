package in.gov.sangam.feedback;

import java.time.Instant;

/**
 * A survey that cannot be answered (any more), and why; nothing has been changed when it is thrown. The edge answers
 * it as a problem or as the survey page's error page.
 */
public class SurveyNotOpen extends RuntimeException {

    /**
     * UNKNOWN: no survey has this token, or its SMS has not gone out (so nobody can hold its link yet). ANSWERED:
     * rated already, by SMS or on the web. EXPIRED: not answered within {@code sangam.feedback.answer-within}.
     */
    public enum Reason {
        UNKNOWN, ANSWERED, EXPIRED
    }

    private final Reason reason;
    private final transient Survey survey;
    private final Instant closedAt;

    private SurveyNotOpen(Reason reason, Survey survey, Instant closedAt, String detail) {
        super(detail);
        this.reason = reason;
        this.survey = survey;
        this.closedAt = closedAt;
    }

    static SurveyNotOpen unknown() {
        return new SurveyNotOpen(Reason.UNKNOWN, null, null, "There is no survey with this token.");
    }

    static SurveyNotOpen answered(Survey survey) {
        return new SurveyNotOpen(Reason.ANSWERED, survey, null, "This survey was answered already.");
    }

    static SurveyNotOpen expired(Survey survey, Instant closedAt) {
        return new SurveyNotOpen(Reason.EXPIRED, survey, closedAt, "This survey closed at " + closedAt + ".");
    }

    public Reason reason() {
        return reason;
    }

    /** The survey, when one is known (ANSWERED, EXPIRED): its language, for one. */
    public Survey survey() {
        return survey;
    }

    /** When an EXPIRED survey closed; null for the other reasons. */
    public Instant closedAt() {
        return closedAt;
    }
}
