package in.gov.sangam.api;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.feedback.Rating;
import in.gov.sangam.feedback.Survey;
import in.gov.sangam.feedback.SurveyAnswers;
import in.gov.sangam.feedback.SurveyAppeals;
import in.gov.sangam.feedback.SurveyNotOpen;
import in.gov.sangam.feedback.Surveys;
import in.gov.sangam.time.HubTimeZone;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the survey page's routes call ({@code routes/feedback-page.yaml}): which page to show, in which language, with
 * which HTTP status. Each method returns the model of {@code feedback/survey-page.ftl}; the answer is recorded by the
 * same domain code as the API's {@code rateService}.
 */
@Component("surveyPage")
public class SurveyPage {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyPage.class);
    /** As the contract's SurveyAnswer.comment: up to 1000 characters. */
    private static final int COMMENT_LENGTH = 1000;
    /**
     * What the contract refuses in a comment (controls but tab and line breaks, bidirectional overrides): invisible
     * characters a phone's keyboard may slip in, dropped rather than refused, since the citizen cannot see them.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F"
            + "\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
    /** Dates as citizens read them, with the time (India). */
    private static final DateTimeFormatter CITIZEN_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT);

    private final SurveyAnswers answers;
    private final Surveys surveys;
    private final SurveyAppeals surveyAppeals;
    private final SurveyPageTexts texts;
    private final Catalogue catalogue;
    private final HubTimeZone timeZone;

    public SurveyPage(SurveyAnswers answers, SurveyPageTexts texts, Catalogue catalogue, HubTimeZone timeZone,
            Surveys surveys, SurveyAppeals surveyAppeals) {
        this.surveys = surveys;
        this.surveyAppeals = surveyAppeals;
        this.answers = answers;
        this.texts = texts;
        this.catalogue = catalogue;
        this.timeZone = timeZone;
    }

    /** GET: the form, or why the survey cannot be answered. */
    public Map<String, Object> show(@Header("surveyToken") String token, Exchange exchange) {
        try {
            return form(answers.open(token), null, null, null, exchange);
        } catch (SurveyNotOpen notOpen) {
            return notOpen(notOpen, exchange);
        }
    }

    /** POST of the form (application/x-www-form-urlencoded, as sent): the thank-you. */
    public Map<String, Object> answer(@Header("surveyToken") String token, @Body String body, Exchange exchange) {
        Map<String, List<String>> form = fields(body);
        Rating rating = rating(single(form.get("rating")));
        String comment = comment(single(form.get("comment")));
        try {
            if (rating == null || comment != null && comment.length() > COMMENT_LENGTH) {
                Survey survey = answers.open(token);
                String problem = rating == null ? "chooseRating" : "commentTooLong";
                return form(survey, rating, comment, texts.of(survey.language()).text(problem), exchange);
            }
            Survey survey = answers.answer(token, rating, comment);
            SurveyPageTexts.Language language = texts.of(survey.language());
            Map<String, Object> thanks = message(language, "thanksTitle", "thanks", 200, exchange);
            if (rating == Rating.BAD && "DELIVERED".equals(survey.outcome())) {
                thanks.put("appealOffer", true);
                thanks.put("token", survey.token());
            }
            return thanks;
        } catch (SurveyNotOpen notOpen) {
            return notOpen(notOpen, exchange);
        }
    }

    /**
     * POST from the thank-you of a Bad rating: the citizen asks for an appeal against the delivered service. Asked
     * twice, it is filed once; a survey not rated Bad has none (409).
     */
    public Map<String, Object> appeal(@Header("surveyToken") String token, Exchange exchange) {
        Survey survey = surveys.byToken(token).orElse(null);
        if (survey == null) {
            return message(texts.of(SurveyPageTexts.FALLBACK), "unknownTitle", "unknown", 404, exchange);
        }
        SurveyPageTexts.Language language = texts.of(survey.language());
        if (!SurveyAppeals.allows(survey)) {
            return message(language, "appealNotAllowedTitle", "appealNotAllowed", 409, exchange);
        }
        surveyAppeals.requestFor(survey);
        return message(language, "appealFiledTitle", "appealFiled", 200, exchange);
    }

    /** Anything that went wrong otherwise (the database out of reach, a bug): a page, not a stack trace. */
    public Map<String, Object> failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        boolean outage = DatabaseUnavailable.caused(cause);
        if (outage) {
            LOG.warn("Survey page not served, the database is unavailable: {}", cause.toString());
        } else {
            LOG.error("Survey page failed", cause);
        }
        return message(texts.of(SurveyPageTexts.FALLBACK), "failedTitle", "failed", outage ? 503 : 500, exchange);
    }

    private Map<String, Object> form(Survey survey, Rating rating, String comment, String problem,
            Exchange exchange) {
        SurveyPageTexts.Language language = texts.of(survey.language());
        Map<String, Object> page = page(language, "form", language.text("title"), problem == null ? 200 : 400,
                exchange);
        page.put("token", survey.token());
        page.put("applicationId", survey.applicationId());
        catalogue.service(survey.serviceCode()).map(CatalogueService::name)
                .ifPresent(name -> page.put("serviceName", name));
        if (rating != null) {
            page.put("rating", rating.name());
        }
        if (comment != null) {
            page.put("comment", comment);
        }
        if (problem != null) {
            page.put("problem", problem);
        }
        return page;
    }

    private Map<String, Object> notOpen(SurveyNotOpen notOpen, Exchange exchange) {
        // An unknown token has no language: English. The others are shown in the survey's.
        SurveyPageTexts.Language language = texts.of(notOpen.survey() == null ? SurveyPageTexts.FALLBACK
                : notOpen.survey().language());
        return switch (notOpen.reason()) {
            case UNKNOWN -> message(language, "unknownTitle", "unknown", 404, exchange);
            case ANSWERED -> message(language, "answeredTitle", "answered", 409, exchange);
            case EXPIRED -> {
                Map<String, Object> page = message(language, "expiredTitle", "expired", 410, exchange);
                page.put("message", language.text("expired")
                        .replace("{until}", CITIZEN_TIME.format(timeZone.local(notOpen.closedAt()))));
                yield page;
            }
        };
    }

    private static Map<String, Object> message(SurveyPageTexts.Language language, String title, String message,
            int status, Exchange exchange) {
        Map<String, Object> page = page(language, "message", language.text(title), status, exchange);
        page.put("message", language.text(message));
        return page;
    }

    private static Map<String, Object> page(SurveyPageTexts.Language language, String kind, String title, int status,
            Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        Map<String, Object> page = new HashMap<>();
        page.put("page", kind);
        page.put("language", language.code());
        page.put("direction", language.direction());
        page.put("texts", language.texts());
        page.put("title", title);
        return page;
    }

    /**
     * The form's fields, decoded as application/x-www-form-urlencoded in UTF-8 (the page's charset) by the JDK's
     * URLDecoder, which also takes UTF-8 a client sent unencoded; a field that cannot be decoded counts as not sent.
     */
    private static Map<String, List<String>> fields(String body) {
        Map<String, List<String>> form = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            String[] field = pair.split("=", 2);
            try {
                form.computeIfAbsent(URLDecoder.decode(field[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                        .add(field.length == 2 ? URLDecoder.decode(field[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException malformed) {
                // A broken percent-escape: no browser sends one.
            }
        }
        return form;
    }

    /** A field sent once; a field sent twice is as good as none. */
    private static String single(List<String> values) {
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    private static Rating rating(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Rating.valueOf(value);
        } catch (IllegalArgumentException notARating) {
            return null;
        }
    }

    private static String comment(String value) {
        if (value == null) {
            return null;
        }
        String visible = INVISIBLE.matcher(value).replaceAll("").strip();
        return visible.isEmpty() ? null : visible;
    }
}
