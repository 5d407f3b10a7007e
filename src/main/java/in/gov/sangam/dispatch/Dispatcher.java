package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.applications.ApplicationStatus;
import in.gov.sangam.applications.ApplicationStore;
import in.gov.sangam.applications.DispatchRecord;
import in.gov.sangam.applications.DispatchRequested;
import in.gov.sangam.applications.Refused;
import in.gov.sangam.applications.StatusUpdate;
import in.gov.sangam.applications.StatusUpdates;
import in.gov.sangam.audit.AuditAction;
import in.gov.sangam.audit.AuditChannel;
import in.gov.sangam.audit.AuditEvent;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.deadletters.DeadLetters;
import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.outbox.OutboxRelay;
import in.gov.sangam.privacy.CitizenDataCipher;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a connector route calls, the same for every department and protocol: read the application the dispatch
 * message names, hand the rendered request to the department (through {@link DepartmentClient}), and apply the
 * answer through the one state machine. A refusal becomes a dead letter; a department that stays unavailable leaves the message in
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
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final DepartmentClient client;
    private final CitizenDataCipher cipher;
    private final ObjectMapper objectMapper;
    private final ZoneId zone;

    public Dispatcher(Connectors connectors, ApplicationStore store, StatusUpdates statusUpdates,
            DeadLetters deadLetters, AuditTrail audit, TransactionTemplate transaction, DepartmentClient client,
            CitizenDataCipher cipher, ObjectMapper objectMapper, @Value("${sangam.time-zone}") String zone) {
        this.connectors = connectors;
        this.store = store;
        this.statusUpdates = statusUpdates;
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.transaction = transaction;
        this.client = client;
        this.cipher = cipher;
        this.objectMapper = objectMapper;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Turns the dispatch message into the data the department's request template is rendered from. An application
     * that is no longer SUBMITTED was handed over already (a redelivered message): it is marked so and left alone.
     */
    public void prepare(Exchange exchange) throws IOException {
        exchange.setProperty("SangamDispatchMessage", exchange.getMessage().getBody(String.class));
        DispatchRequested request = objectMapper.readValue(exchange.getMessage().getBody(String.class),
                DispatchRequested.class);
        exchange.setProperty("SangamApplicationId", request.applicationId());
        DispatchRecord application = store.findForDispatch(request.applicationId()).orElseThrow(() ->
                new CannotDispatchException("there is no application " + request.applicationId()));
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
        try {
            exchange.getMessage().setBody(client.call(settings, settings.submitPath(), settings.submitSoapAction(),
                    exchange.getMessage().getBody(String.class)));
        } catch (DepartmentRefusedException refused) {
            exchange.setProperty(REFUSED, true);
            keepAsDeadLetter(exchange, department + " refused the application: " + refused.getMessage(),
                    "refused by the department");
            ApplicationLog.info(LOG, applicationId, "Refused by {}: kept as a dead letter", department);
        }
        // Anything else (the department unavailable after every retry, or its circuit open) propagates: the JMS
        // transaction rolls back and the broker redelivers the message later.
    }

    /**
     * The department took the application: it is FORWARDED, with the department's own reference. If its answer
     * cannot be used (no reference where one is configured, a code the hub does not know), the application must
     * not be sent again: {@link CannotDispatchException} makes it a dead letter for an operator to look at.
     */
    public void accepted(Exchange exchange) {
        String department = exchange.getProperty("SangamDepartment", String.class);
        ConnectorSettings settings = connectors.settings(department);
        String answer = exchange.getMessage().getBody(String.class);
        try {
            String reference = read(settings, answer, settings.referencePointer());
            if (settings.referencePointer() != null && (reference == null || reference.isBlank())) {
                throw new CannotDispatchException("its answer has no reference at " + settings.referencePointer());
            }
            String status = read(settings, answer, settings.statusPointer());
            statusUpdates.apply(new StatusUpdate(department, exchange.getProperty("SangamApplicationId",
                    String.class), reference, status == null ? ApplicationStatus.FORWARDED.name() : status,
                    "Accepted by the department" + (reference == null ? "" : " as " + reference) + ".", null, null,
                    AuditChannel.DISPATCH, AuditEvent.HUB));
        } catch (CannotDispatchException unusable) {
            throw new CannotDispatchException(department + " accepted the application, but " + unusable.getMessage());
        } catch (RuntimeException unusable) {
            throw new CannotDispatchException(department + " accepted the application, but its answer could not be "
                    + "applied: " + (unusable instanceof Refused refused ? refused.describe()
                            : unusable.getMessage()), unusable);
        }
    }

    /**
     * The route's catch for {@link CannotDispatchException} and template errors: the message is kept as a dead letter
     * with the reason and consumed, never retried on its own.
     */
    public void cannotDispatch(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String department = exchange.getProperty("SangamDepartment", String.class);
        String applicationId = exchange.getProperty("SangamApplicationId", String.class);
        keepAsDeadLetter(exchange, cause instanceof CannotDispatchException ? cause.getMessage()
                : "the request to " + department + " could not be made: " + cause.getMessage(),
                "could not be handed over");
        ApplicationLog.info(LOG, applicationId, "Not dispatched to {}: kept as a dead letter", department);
    }

    /**
     * Keeps the dispatch message being handled as a dead letter, with why; replaying sends it to its queue again. The
     * failed dispatch goes into the audit trail in the same transaction, described by the hub's own words
     * ({@code what}): the department's reason may quote the citizen.
     */
    private void keepAsDeadLetter(Exchange exchange, String reason, String what) {
        String department = exchange.getProperty("SangamDepartment", String.class);
        String applicationId = exchange.getProperty("SangamApplicationId", String.class);
        transaction.executeWithoutResult(status -> {
            long id = deadLetters.record(exchange.getMessage().getHeader(OutboxRelay.MESSAGE_ID_HEADER, String.class),
                    department, applicationId, "dispatch", reason, 1, DispatchRequested.queueOf(department),
                    DispatchRequested.TYPE, exchange.getProperty("SangamDispatchMessage", String.class));
            audit.append(new AuditEvent(AuditEvent.HUB, AuditAction.DISPATCH_FAILED, AuditChannel.DISPATCH,
                    applicationId, department, null, null, what + "; dead letter " + id));
        });
    }

    /** A value of the department's answer: by JSON pointer from a REST system, by XPath from a SOAP one. */
    private static String read(ConnectorSettings settings, String answer, String where) {
        if (where == null) {
            return null;
        }
        return settings.isSoap() ? Answers.xpath(Answers.xml(answer), where) : Answers.json(answer, where);
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
