package in.gov.sangam.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.deadletters.DeadLetters;
import in.gov.sangam.messaging.Addresses;
import in.gov.sangam.outbox.Outbox;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The survey SMS on its way out. Due surveys are handed to the SMS queue through the outbox, in the transaction that
 * marks them QUEUED, so a survey is queued once however many hub nodes look. The sender route then takes each from
 * the queue, has it rendered here (the number is looked up only now, and goes no further than the gateway call),
 * sends it through the gateway connector and records it SENT; a survey already SENT is not sent again, whatever the
 * broker redelivers. What the gateway refuses is kept as a dead letter with its reason, to be replayed.
 */
@Component("surveySending")
public class SurveySending {

    public static final String MESSAGE_TYPE = "SurveySmsRequested";
    public static final String DESTINATION = "queue:" + Addresses.SMS_OUTGOING;
    /** Exchange properties the sender route carries across the gateway call (which drops every header). */
    public static final String SURVEY_ID = "SangamSurveyId";
    public static final String ALREADY_SENT = "SangamSurveyAlreadySent";
    private static final String TEXT = "SangamSmsText";
    private static final String REQUEST = "SangamSmsRequest";
    private static final String MESSAGE_ID = "SangamSmsMessageId";
    private static final String APPLICATION_ID = "SangamSmsApplicationId";
    private static final String DELIVERY_REPORTS = "/api/v1/feedback/sms-deliveries/";

    private static final Logger LOG = LoggerFactory.getLogger(SurveySending.class);

    private final Surveys surveys;
    private final Outbox outbox;
    private final CitizenContacts contacts;
    private final Catalogue catalogue;
    private final SurveyTemplates templates;
    private final DeadLetters deadLetters;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final String linkBase;
    private final String callbackBase;
    private final Environment environment;
    private final String senderId;
    private final int batchSize;

    public SurveySending(Surveys surveys, Outbox outbox, CitizenContacts contacts, Catalogue catalogue,
            SurveyTemplates templates, DeadLetters deadLetters, ObjectMapper objectMapper, Clock clock,
            @Value("${sangam.feedback.link-base}") String linkBase,
            @Value("${sangam.sms.callback-base:}") String callbackBase, Environment environment,
            @Value("${sangam.sms.sender-id}") String senderId,
            @Value("${sangam.feedback.send-batch-size:100}") int batchSize) {
        this.surveys = surveys;
        this.outbox = outbox;
        this.contacts = contacts;
        this.catalogue = catalogue;
        this.templates = templates;
        this.deadLetters = deadLetters;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.linkBase = linkBase;
        this.callbackBase = callbackBase.replaceAll("/+$", "");
        this.environment = environment;
        this.senderId = senderId;
        this.batchSize = batchSize;
    }

    /** Queues the surveys whose time has come (after the quiet hours), at most a batch at a time. */
    @Transactional
    public int queueDue() {
        List<Survey> due = surveys.due(clock.instant(), batchSize);
        int queued = 0;
        for (Survey survey : due) {
            // Another node may have queued it since the look: only the one that moves it from PENDING queues it.
            if (surveys.markQueued(survey.surveyId())) {
                outbox.add("survey-sms-" + survey.surveyId(), DESTINATION, MESSAGE_TYPE, survey.applicationId(),
                        Map.of("surveyId", survey.surveyId(), "applicationId", survey.applicationId()));
                queued++;
            }
        }
        return queued;
    }

    /**
     * Renders the survey SMS of the queued message into the headers the gateway connector reads: SmsTo, SmsText,
     * SmsCoding (0 GSM-7, 2 UCS-2), SmsSenderId, SmsDltTemplateId and SmsDeliveryReportUrl. A survey already sent
     * is only marked so, and the route sends nothing.
     */
    public void prepare(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String body = message.getBody(String.class);
        // Kept as properties: the gateway connector drops every header before its call.
        exchange.setProperty(REQUEST, body);
        exchange.setProperty(MESSAGE_ID, message.getHeader("SangamMessageId", String.class));
        JsonNode request = objectMapper.readTree(body);
        exchange.setProperty(APPLICATION_ID, request.path("applicationId").asText(null));
        long surveyId = request.path("surveyId").asLong();
        exchange.setProperty(SURVEY_ID, surveyId);
        Survey survey = surveys.byId(surveyId).orElseThrow(() -> new CannotSendSurveyException(
                "There is no survey " + surveyId));
        if (Survey.SENT.equals(survey.state())) {
            LOG.info("Survey of {} was sent already; not again", survey.applicationId());
            exchange.setProperty(ALREADY_SENT, true);
            return;
        }
        String number = contacts.mobileOf(survey.contactRef()).map(CitizenNumber::national)
                .orElseThrow(() -> new CannotSendSurveyException("The citizen's number of " + survey.applicationId()
                        + " cannot be found"));
        String serviceName = catalogue.service(survey.serviceCode()).map(CatalogueService::name)
                .orElse(survey.serviceCode());
        SurveyTemplates.Template template = templates.template(survey.language(), survey.outcome());
        SmsText text = templates.render(template, survey.applicationId(), serviceName, linkBase + survey.token());
        String messageToken = surveys.messageTokenOf(surveyId, SurveyTokens.next());
        exchange.setProperty(TEXT, text);
        message.setHeader("SmsTo", "91" + number);
        message.setHeader("SmsText", text.text());
        message.setHeader("SmsCoding", text.encoding() == SmsEncoding.GSM_7 ? "0" : "2");
        message.setHeader("SmsSenderId", senderId);
        message.setHeader("SmsDltTemplateId", template.dltTemplateId());
        message.setHeader("SmsDeliveryReportUrl", callbackBase() + DELIVERY_REPORTS + messageToken + "?type=%d");
    }

    /** Where the gateway reaches this hub: as configured, or this node's own port when it runs beside the hub. */
    private String callbackBase() {
        return callbackBase.isEmpty() ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                : callbackBase;
    }

    /** The gateway took the SMS. */
    public void sent(Exchange exchange) {
        long surveyId = exchange.getProperty(SURVEY_ID, Long.class);
        SmsText text = exchange.getProperty(TEXT, SmsText.class);
        if (surveys.markSent(surveyId, clock.instant(), text.parts(), text.encoding().name())) {
            LOG.info("Survey SMS {} sent ({} part(s), {})", surveyId, text.parts(), text.encoding());
        }
    }

    /**
     * The gateway refused the SMS (or it cannot be made): a dead letter says why, to be replayed once the cause is
     * mended, and the survey shows REFUSED meanwhile.
     */
    @Transactional
    public void refused(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "refused" : cause.getMessage();
        Long surveyId = exchange.getProperty(SURVEY_ID, Long.class);
        String messageId = exchange.getProperty(MESSAGE_ID, String.class);
        String applicationId = exchange.getProperty(APPLICATION_ID, String.class);
        long deadLetter = deadLetters.record(messageId == null ? "survey-sms-" + surveyId : messageId, "sms-gateway",
                applicationId, "sms-gateway", reason, 1, DESTINATION, MESSAGE_TYPE,
                exchange.getProperty(REQUEST, String.class));
        if (surveyId != null) {
            surveys.markRefused(surveyId, reason);
        }
        LOG.warn("Survey SMS {} of {} refused: {}; dead letter {}", surveyId, applicationId, reason, deadLetter);
    }
}
