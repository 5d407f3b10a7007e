package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.applications.ApplicationLog;
import in.gov.sangam.applications.ApplicationStatus;
import in.gov.sangam.applications.ApplicationStore;
import in.gov.sangam.applications.DispatchRecord;
import in.gov.sangam.applications.DispatchRequested;
import in.gov.sangam.applications.StatusUpdate;
import in.gov.sangam.applications.StatusUpdates;
import in.gov.sangam.deadletters.DeadLetters;
import in.gov.sangam.outbox.OutboxRelay;
import in.gov.sangam.privacy.CitizenDataCipher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a connector route calls, the same for every department: read the application the dispatch message names,
 * hand the rendered request to the department through its retry and circuit breaker, and apply the answer through
 * the one state machine. A refusal becomes a dead letter; a department that stays unavailable leaves the message in
 * its queue for the broker to redeliver later.
 */
@Component("dispatcher")
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String ALREADY_DISPATCHED = "SangamAlreadyDispatched";
    static final String REFUSED = "SangamRefused";

    private final Connectors connectors;
    private final ApplicationStore store;
    private final StatusUpdates statusUpdates;
    private final DeadLetters deadLetters;
    private final DepartmentResilience resilience;
    private final ConnectorHealth health;
    private final CitizenDataCipher cipher;
    private final ObjectMapper objectMapper;
    private final ProducerTemplate producer;
    private final ZoneId zone;

    public Dispatcher(Connectors connectors, ApplicationStore store, StatusUpdates statusUpdates,
            DeadLetters deadLetters, DepartmentResilience resilience, ConnectorHealth health, CitizenDataCipher cipher,
            ObjectMapper objectMapper, ProducerTemplate producer, @Value("${sangam.time-zone}") String zone) {
        this.connectors = connectors;
        this.store = store;
        this.statusUpdates = statusUpdates;
        this.deadLetters = deadLetters;
        this.resilience = resilience;
        this.health = health;
        this.cipher = cipher;
        this.objectMapper = objectMapper;
        this.producer = producer;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Turns the dispatch message into the data the department's request template is rendered from. An application
     * that is no longer SUBMITTED was handed over already (a redelivered message): it is marked so and left alone.
     */
    public void prepare(Exchange exchange) throws IOException {
        DispatchRequested request = objectMapper.readValue(exchange.getMessage().getBody(String.class),
                DispatchRequested.class);
        exchange.setProperty("SangamDispatchMessage", exchange.getMessage().getBody(String.class));
        DispatchRecord application = store.findForDispatch(request.applicationId()).orElseThrow(() ->
                new IllegalStateException("Dispatch message for unknown application " + request.applicationId()));
        exchange.setProperty("SangamApplicationId", application.applicationId());
        if (application.status() != ApplicationStatus.SUBMITTED) {
            exchange.setProperty(ALREADY_DISPATCHED, true);
            ApplicationLog.info(LOG, application.applicationId(), "Already with {}, not sent again",
                    application.department());
            return;
        }
        ConnectorSettings settings = connectors.settings(application.department());
        Map<String, Object> model = new HashMap<>();
        model.put("application", canonical(application));
        model.put("codes", settings.codeLists());
        model.put("dates", new Dates(zone));
        exchange.getMessage().setBody(model);
    }

    /** Sends the rendered request to the department: retried, behind its circuit breaker. */
    public void send(Exchange exchange) {
        String applicationId = exchange.getProperty("SangamApplicationId", String.class);
        String department = exchange.getProperty("SangamDepartment", String.class);
        ConnectorSettings settings = connectors.settings(department);
        String request = exchange.getMessage().getBody(String.class);
        try {
            Exchange answer = resilience.call(department, () -> callOnce(settings, request));
            health.succeeded(department);
            exchange.getMessage().setBody(answer.getMessage().getBody(String.class));
        } catch (DepartmentRefusedException refused) {
            health.succeeded(department);
            exchange.setProperty(REFUSED, true);
            String message = exchange.getProperty("SangamDispatchMessage", String.class);
            deadLetters.record(exchange.getMessage().getHeader(OutboxRelay.MESSAGE_ID_HEADER, String.class),
                    department, applicationId, "dispatch", department + " refused the application: "
                            + refused.getMessage(), 1, DispatchRequested.queueOf(department), DispatchRequested.TYPE,
                    message);
            ApplicationLog.info(LOG, applicationId, "Refused by {}: kept as a dead letter", department);
        }
        // Anything else (the department unavailable after every retry, or its circuit open) propagates: the JMS
        // transaction rolls back and the broker redelivers the message later.
    }

    /** The department took the application: it is FORWARDED, with the department's own reference. */
    public void accepted(Exchange exchange) throws IOException {
        String department = exchange.getProperty("SangamDepartment", String.class);
        ConnectorSettings settings = connectors.settings(department);
        JsonNode answer = objectMapper.readTree(exchange.getMessage().getBody(String.class));
        String reference = settings.referencePointer() == null ? null : answer.at(settings.referencePointer()).asText(null);
        String status = settings.statusPointer() == null ? null : answer.at(settings.statusPointer()).asText(null);
        statusUpdates.apply(new StatusUpdate(department, exchange.getProperty("SangamApplicationId", String.class),
                reference, status == null ? ApplicationStatus.FORWARDED.name() : status,
                "Accepted by the department" + (reference == null ? "" : " as " + reference) + ".", null, null));
    }

    private Exchange callOnce(ConnectorSettings settings, String request) {
        String uri = endpoint(settings) + settings.submitPath() + "?httpMethod=POST&throwExceptionOnFailure=false"
                + "&connectTimeout=" + settings.connectTimeout().toMillis()
                + "&responseTimeout=" + settings.responseTimeout().toMillis();
        Exchange answer = producer.send(uri, call -> {
            call.getMessage().setBody(request);
            call.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            if (settings.username() != null) {
                call.getMessage().setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
            }
        });
        if (answer.getException() != null) {
            throw unavailable(settings, new DepartmentUnavailableException(settings.department()
                    + " could not be reached: " + answer.getException().getMessage(), answer.getException()));
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 500 || status == 0) {
            throw unavailable(settings, new DepartmentUnavailableException(settings.department() + " answered "
                    + status, null));
        }
        if (status >= 400) {
            throw new DepartmentRefusedException(reason(settings, answer, status));
        }
        return answer;
    }

    /** Every failed attempt is noted for the department's connector state, retried or not. */
    private DepartmentUnavailableException unavailable(ConnectorSettings settings,
            DepartmentUnavailableException failure) {
        health.failed(settings.department(), failure);
        return failure;
    }

    private String reason(ConnectorSettings settings, Exchange answer, int status) {
        String body = answer.getMessage().getBody(String.class);
        try {
            if (settings.rejectionPointer() != null && body != null) {
                String reason = objectMapper.readTree(body).at(settings.rejectionPointer()).asText(null);
                if (reason != null) {
                    return reason + " (HTTP " + status + ")";
                }
            }
        } catch (IOException notJson) {
            // The department's error page is not JSON: fall through and quote the status.
        }
        return "HTTP " + status;
    }

    private String endpoint(ConnectorSettings settings) {
        return connectors.endpoint(settings);
    }

    private Map<String, Object> canonical(DispatchRecord a) throws IOException {
        Map<String, Object> applicant = new HashMap<>();
        applicant.put("name", a.applicantName());
        String digits = a.applicantMobile().replaceAll("\\D", "");
        applicant.put("mobile10", digits.substring(digits.length() - 10));
        applicant.put("aadhaar", a.applicantAadhaarEncrypted() == null ? null
                : cipher.decrypt(a.applicantAadhaarEncrypted()));
        applicant.put("email", a.applicantEmail());
        applicant.put("district", a.applicantDistrict());
        applicant.put("language", a.applicantLanguage());
        Map<String, Object> application = new HashMap<>();
        application.put("applicationId", a.applicationId());
        application.put("serviceCode", a.serviceCode());
        application.put("acknowledgedAt", a.acknowledgedAt());
        application.put("dueBy", a.dueBy());
        application.put("applicant", applicant);
        application.put("form", objectMapper.readValue(a.formDataJson(), Map.class));
        application.put("formJson", a.formDataJson());
        return application;
    }

    /** Dates as a department writes them, in the state's time zone: {@code dates.format(instant, 'dd-MM-yyyy')}. */
    public record Dates(ZoneId zone) {

        public String format(Instant instant, String pattern) {
            return DateTimeFormatter.ofPattern(pattern).withZone(zone).format(instant);
        }
    }
}
