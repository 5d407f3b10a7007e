package in.gov.sangam.feedback;

import java.time.Duration;
import java.time.Instant;

/**
 * One application's survey as feedback keeps it: where its SMS stands and what the citizen answered.
 *
 * @param state PENDING, QUEUED, SENT or REFUSED: what became of the SMS (see V16__survey_sms.sql)
 * @param delivery AWAITED, DELIVERED or UNDELIVERED once sent, as the gateway's reports say
 */
public record Survey(long surveyId, String applicationId, String token, String serviceCode, String department,
        String district, String outcome, String language, String contactRef, String numberHash, String state,
        Instant sendAfter, Instant sentAt, String messageToken, String delivery, Rating rating, String comment,
        Instant answeredAt, String ratedBy, Instant completedAt) {

    public static final String PENDING = "PENDING";
    public static final String QUEUED = "QUEUED";
    public static final String SENT = "SENT";
    public static final String REFUSED = "REFUSED";
    public static final String AWAITED = "AWAITED";
    public static final String DELIVERED = "DELIVERED";
    public static final String UNDELIVERED = "UNDELIVERED";

    public boolean answered() {
        return rating != null;
    }

    /** The last moment the citizen may answer: {@code answerWithin} after the SMS went. */
    public Instant closesAt(Duration answerWithin) {
        return sentAt == null ? null : sentAt.plus(answerWithin);
    }

    /** Whether it can still be answered at {@code now}: sent, not answered, not closed. */
    public boolean open(Instant now, Duration answerWithin) {
        return SENT.equals(state) && !answered() && now.isBefore(closesAt(answerWithin));
    }
}
