package in.gov.sangam.feedback;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The state of a survey now, with the hub's settings for answering and for delivery reports. */
@Component
public class SurveyStates {

    private final Surveys surveys;
    private final Clock clock;
    private final Duration answerWithin;
    private final Duration deliveryReportWithin;

    public SurveyStates(Surveys surveys, Clock clock,
            @Value("${sangam.feedback.answer-within}") Duration answerWithin,
            @Value("${sangam.sms.delivery-report-within}") Duration deliveryReportWithin) {
        this.surveys = surveys;
        this.clock = clock;
        this.answerWithin = answerWithin;
        this.deliveryReportWithin = deliveryReportWithin;
    }

    /** The application's survey, if it has one. */
    public Optional<SurveyState> ofApplication(String applicationId) {
        return surveys.byApplication(applicationId).map(this::of);
    }

    public SurveyState of(Survey survey) {
        return SurveyState.of(survey, clock.instant(), answerWithin, deliveryReportWithin);
    }
}
