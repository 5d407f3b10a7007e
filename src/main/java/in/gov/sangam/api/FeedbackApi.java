package in.gov.sangam.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.model.Feedback;
import in.gov.sangam.api.model.FeedbackSummary;
import in.gov.sangam.api.model.SmsDeliveryState;
import in.gov.sangam.feedback.FeedbackSummaries;
import in.gov.sangam.feedback.Rating;
import in.gov.sangam.feedback.SurveyAnswers;
import in.gov.sangam.feedback.SurveyNotOpen;
import in.gov.sangam.feedback.SurveyState;
import in.gov.sangam.feedback.SurveyStates;
import in.gov.sangam.time.HubTimeZone;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** What the feedback API's routes call: the citizen's rating by the survey's link, and the figures for the state. */
@Component("feedbackApi")
public class FeedbackApi {

    private final SurveyAnswers answers;
    private final SurveyStates states;
    private final FeedbackSummaries summaries;
    private final ObjectMapper objectMapper;
    private final HubTimeZone timeZone;

    public FeedbackApi(SurveyAnswers answers, SurveyStates states, FeedbackSummaries summaries,
            ObjectMapper objectMapper, HubTimeZone timeZone) {
        this.answers = answers;
        this.states = states;
        this.summaries = summaries;
        this.objectMapper = objectMapper;
        this.timeZone = timeZone;
    }

    /** Public: the token in the path is the key (see the contract's rateService). */
    public Feedback rate(@Header("surveyToken") String token, @Body String body) {
        JsonNode answer = parse(body);
        Rating rating;
        try {
            rating = Rating.valueOf(answer.path("rating").asText());
        } catch (IllegalArgumentException notARating) {
            // The contract's validator refuses it first; kept so that a looser contract cannot store nonsense.
            throw ProblemException.invalid(List.of(ProblemException.field("rating",
                    "must be one of GOOD, AVERAGE, BAD")));
        }
        String comment = answer.hasNonNull("comment") ? answer.get("comment").asText() : null;
        try {
            return model(states.of(answers.answer(token, rating, comment)), timeZone);
        } catch (SurveyNotOpen notOpen) {
            throw problem(notOpen);
        }
    }

    public FeedbackSummary summary(@Header("department") String department,
            @Header("serviceCode") String serviceCode, @Header("district") String district,
            @Header("from") String from, @Header("to") String to, @Header(Caller.SCOPES_HEADER) Object scopes) {
        Caller.of(null, scopes).requireAdmin();
        LocalDate first = from == null ? null : LocalDate.parse(from);
        LocalDate last = to == null ? null : LocalDate.parse(to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The period is empty: from (" + first
                    + ") is after to (" + last + ").", List.of(
                            ProblemException.field("from", "must not be after to (" + last + ")"),
                            ProblemException.field("to", "must not be before from (" + first + ")")));
        }
        FeedbackSummaries.Figures figures = summaries.over(
                new FeedbackSummaries.Scope(department, serviceCode, district, first, last));
        return new FeedbackSummary()
                .surveysSent(figures.surveysSent())
                .delivered(figures.delivered())
                .responses(figures.responses())
                .good(figures.good())
                .average(figures.average())
                .bad(figures.bad())
                .responseRate(figures.responseRate())
                .approval(figures.approval());
    }

    /** A survey's state as the contract's {@code Feedback} shows it (here and in an application). */
    static Feedback model(SurveyState state, HubTimeZone timeZone) {
        return new Feedback()
                .state(Feedback.StateEnum.fromValue(state.state().name()))
                .delivery(state.delivery() == null ? null : SmsDeliveryState.fromValue(state.delivery().name()))
                .sentAt(timeZone.local(state.sentAt()))
                .rating(state.rating() == null ? null
                        : in.gov.sangam.api.model.Rating.fromValue(state.rating().name()))
                .ratedAt(timeZone.local(state.ratedAt()))
                .ratedBy(state.ratedBy() == null ? null : Feedback.RatedByEnum.fromValue(state.ratedBy()));
    }

    private ProblemException problem(SurveyNotOpen notOpen) {
        return switch (notOpen.reason()) {
            case UNKNOWN -> new ProblemException(ProblemType.NOT_FOUND, "There is no survey with this token.");
            case ANSWERED -> new ProblemException(ProblemType.SURVEY_ANSWERED,
                    "This survey was answered already; a survey is answered once.");
            case EXPIRED -> new ProblemException(ProblemType.SURVEY_EXPIRED, "This survey could be answered until "
                    + timeZone.local(notOpen.closedAt()) + "; it is closed now.");
        };
    }

    private JsonNode parse(String body) {
        try {
            JsonNode answer = objectMapper.readTree(body);
            if (answer == null || !answer.isObject()) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "The body must be a JSON object.");
            }
            return answer;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body could not be parsed as JSON.");
        }
    }
}
