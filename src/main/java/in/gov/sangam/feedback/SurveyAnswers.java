package in.gov.sangam.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The citizen's answer through the survey's link (the API's {@code rateService} and the survey page): the token in
 * the link is the only key. A survey is answered once, while it is open.
 */
@Component
public class SurveyAnswers {

    /** How the citizen answered: on the survey's page or through the API the page's link stands for. */
    public static final String WEB = "WEB";

    private final Surveys surveys;
    private final Clock clock;
    private final Duration answerWithin;

    public SurveyAnswers(Surveys surveys, Clock clock,
            @Value("${sangam.feedback.answer-within}") Duration answerWithin) {
        this.surveys = surveys;
        this.clock = clock;
        this.answerWithin = answerWithin;
    }

    /**
     * The survey the token names, while it can be answered.
     *
     * @throws SurveyNotOpen when it cannot
     */
    public Survey open(String token) {
        Survey survey = sent(token);
        refuseIfClosed(survey, clock.instant());
        return survey;
    }

    /**
     * Records the rating (and comment, if any) of the survey the token names.
     *
     * @return the survey as it stands now, answered
     * @throws SurveyNotOpen when it cannot be answered; nothing was changed
     */
    public Survey answer(String token, Rating rating, String comment) {
        Survey survey = sent(token);
        Instant now = clock.instant();
        refuseIfClosed(survey, now);
        if (!surveys.rate(survey.surveyId(), rating, comment, WEB, now, answerWithin)) {
            // Answered (an SMS reply, another tab) or closed between the read and the update: say which.
            refuseIfClosed(surveys.byToken(token).orElseThrow(SurveyNotOpen::unknown), now);
            throw new IllegalStateException("Survey " + survey.surveyId() + " is open but took no answer");
        }
        return surveys.byToken(token).orElseThrow(SurveyNotOpen::unknown);
    }

    /** A survey whose SMS has gone out: before that, nobody can hold its link, so it is answered as unknown. */
    private Survey sent(String token) {
        if (!SurveyTokens.isWellFormed(token)) {
            throw SurveyNotOpen.unknown();
        }
        return surveys.byToken(token).filter(survey -> Survey.SENT.equals(survey.state()))
                .orElseThrow(SurveyNotOpen::unknown);
    }

    private void refuseIfClosed(Survey survey, Instant now) {
        if (survey.answered()) {
            throw SurveyNotOpen.answered(survey);
        }
        if (!survey.open(now, answerWithin)) {
            throw SurveyNotOpen.expired(survey, survey.closesAt(answerWithin));
        }
    }
}
