package in.gov.sangam.feedback;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an application's survey stands, as the application shows it: the SMS's fate and the citizen's answer in one
 * state, with what the gateway reported about delivery.
 *
 * @param delivery null until the SMS went
 * @param ratedBy SMS or WEB, null until answered
 */
public record SurveyState(State state, Delivery delivery, Instant sentAt, Rating rating, Instant ratedAt,
        String ratedBy) {

    /**
     * PENDING: not sent yet (waiting for the quiet hours to end, or handed to the sender). SENT: the gateway took
     * it. REFUSED: the gateway refused it. ANSWERED: rated, by SMS or on the web. EXPIRED: sent, and not answered in
     * time.
     */
    public enum State {
        PENDING, SENT, REFUSED, ANSWERED, EXPIRED
    }

    /** The gateway's word on the SMS; NOT_REPORTED when no final report came in time, which it may never do. */
    public enum Delivery {
        AWAITED, DELIVERED, UNDELIVERED, NOT_REPORTED
    }

    /**
     * @param answerWithin how long the citizen may answer after the SMS went ({@code sangam.feedback.answer-within})
     * @param deliveryReportWithin how long a final delivery report may take before the SMS counts as NOT_REPORTED
     *     ({@code sangam.sms.delivery-report-within})
     */
    public static SurveyState of(Survey survey, Instant now, Duration answerWithin, Duration deliveryReportWithin) {
        return new SurveyState(state(survey, now, answerWithin), delivery(survey, now, deliveryReportWithin),
                survey.sentAt(), survey.rating(), survey.answeredAt(), survey.ratedBy());
    }

    private static State state(Survey survey, Instant now, Duration answerWithin) {
        if (survey.answered()) {
            return State.ANSWERED;
        }
        return switch (survey.state()) {
            case Survey.PENDING, Survey.QUEUED -> State.PENDING;
            case Survey.REFUSED -> State.REFUSED;
            case Survey.SENT -> survey.open(now, answerWithin) ? State.SENT : State.EXPIRED;
            default -> throw new IllegalStateException("Survey " + survey.surveyId() + " is in an unknown state: "
                    + survey.state());
        };
    }

    private static Delivery delivery(Survey survey, Instant now, Duration deliveryReportWithin) {
        if (survey.sentAt() == null) {
            return null;
        }
        // A sent SMS without a report yet awaits one, whether or not the sender wrote AWAITED down.
        Delivery reported = survey.delivery() == null ? Delivery.AWAITED : Delivery.valueOf(survey.delivery());
        if (reported == Delivery.AWAITED && !now.isBefore(survey.sentAt().plus(deliveryReportWithin))) {
            return Delivery.NOT_REPORTED;
        }
        return reported;
    }
}
