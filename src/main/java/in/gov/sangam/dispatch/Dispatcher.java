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
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a connector route calls, the same for every department and protocol: read the application the dispatch
 * message names, and apply the department's answer through the one state machine. Calling the department (over
 * HTTP, inside its circuit breaker, retried with back-off) and reading its answer are the route's own steps
 * ({@code routes/connector-http.yaml}); a refusal becomes a dead letter here.
 */
@Component("dispatcher")
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** The dispatch message being handled, as a dead letter keeps it (with the department's answer, once known). */
    static final String DISPATCH_MESSAGE = "SangamDispatchMessage";
    /** The outbox's id of the dispatch message, by which a dead letter knows it again. */
    static final String MESSAGE_ID = "SangamMessageId";

    private final Connectors connectors;
    private final ApplicationStore store;
    private final StatusUpdates statusUpdates;
    private final DeadLetters deadLetters;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final CitizenDataCipher cipher;
    private final ObjectMapper objectMapper;
    private final ZoneId zone;

    public Dispatcher(Connectors connectors, ApplicationStore store, StatusUpdates statusUpdates,
            DeadLetters deadLetters, AuditTrail audit, TransactionTemplate transaction, CitizenDataCipher cipher,
            ObjectMapper objectMapper, @Value("${sangam.time-zone}") String zone) {
        this.connectors = connectors;
        this.store = store;
        this.statusUpdates = statusUpdates;
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.transaction = transaction;
        this.cipher = cipher;
        this.objectMapper = objectMapper;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Turns the dispatch message into the data the department's request template is rendered from.
     *
     * @throws AlreadyWithDepartmentException when the application is no longer SUBMITTED: it was handed over already
     *     (a redelivered message), and is left alone
     */
    public void prepare(Exchange exchange) throws IOException {
        String message = exchange.getMessage().getBody(String.class);
        exchange.setProperty(DISPATCH_MESSAGE, message);
        // Kept beside the message: the call to the department leaves the message with the department's headers only.
        exchange.setProperty(MESSAGE_ID, exchange.getMessage().getHeader(OutboxRelay.MESSAGE_ID_HEADER, String.class));
        DispatchRequested request = objectMapper.readValue(message, DispatchRequested.class);
        exchange.setProperty("SangamApplicationId", request.applicationId());
        DispatchRecord application = store.findForDispatch(request.applicationId()).orElseThrow(() ->
                new CannotDispatchException("there is no application " + request.applicationId()));
        exchange.setProperty("SangamApplicationId", application.applicationId());
        if (application.status() != ApplicationStatus.SUBMITTED) {
            ApplicationLog.info(LOG, application.applicationId(), "Already with {}, not sent again",
                    application.department());
            throw new AlreadyWithDepartmentException(application.applicationId() + " is " + application.status());
        }
        ConnectorSettings settings = connectors.settings(application.department());
        Map<String, Object> model = new HashMap<>();
        model.put("application", canonical(application));
        model.put("codes", settings.codeLists());
        model.put("dates", new Dates(zone));
        exchange.getMessage().setBody(model);
    }

    /**
     * The department took the application (its answer is the body; the route has read its reference and status
     * code into {@code SangamDepartmentReference} and {@code SangamDepartmentStatus}): it is FORWARDED, with the
     * department's own reference. From here on the message is kept with the department's answer, so that neither a
     * dead letter replayed nor a message sent back to the queue ever sends the application a second time.
     *
     * @throws CannotDispatchException when the answer cannot be used (no reference where one is configured, a code
     *     the hub does not know, a step the state machine refuses): a dead letter for an operator to look at
     * @throws AnswerNotRecordedException when the database could not record it: the route tries the recording again
     */
    public void accepted(Exchange exchange) throws IOException {
        String department = exchange.getProperty("SangamDepartment", String.class);
        ConnectorSettings settings = connectors.settings(department);
        String answer = exchange.getMessage().getBody(String.class);
        DispatchRequested request = objectMapper.readValue(exchange.getProperty(DISPATCH_MESSAGE, String.class),
                DispatchRequested.class);
        exchange.setProperty(DISPATCH_MESSAGE, objectMapper.writeValueAsString(request.answered(answer)));
        String reference = blankAsNull(exchange.getProperty("SangamDepartmentReference", String.class));
        String status = blankAsNull(exchange.getProperty("SangamDepartmentStatus", String.class));
        if (settings.referencePointer() != null && reference == null) {
            throw new CannotDispatchException(department + " accepted the application, but its answer has no "
                    + "reference at " + settings.referencePointer());
        }
        try {
            statusUpdates.apply(new StatusUpdate(department, exchange.getProperty("SangamApplicationId",
                    String.class), reference, status == null ? ApplicationStatus.FORWARDED.name() : status,
                    "Accepted by the department" + (reference == null ? "" : " as " + reference) + ".", null, null,
                    AuditChannel.DISPATCH, AuditEvent.HUB));
        } catch (DataAccessException | TransactionException databaseFailed) {
            // Not the answer's fault: the hub could not record it. The route records it again, and never sends the
            // application a second time for it.
            throw new AnswerNotRecordedException(department + "'s answer could not be recorded: "
                    + databaseFailed.getMessage(), databaseFailed);
        } catch (RuntimeException unusable) {
            throw new CannotDispatchException(department + " accepted the application, but its answer could not be "
                    + "applied: " + (unusable instanceof Refused refused ? refused.describe()
                            : unusable.getMessage()), unusable);
        }
    }

    /** The route's handling of a refusal ({@link DepartmentRefusedException}): kept as a dead letter, never resent. */
    public void refused(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String department = exchange.getProperty("SangamDepartment", String.class);
        keepAsDeadLetter(exchange, department + " refused the application: " + cause.getMessage(),
                "refused by the department");
        ApplicationLog.info(LOG, exchange.getProperty("SangamApplicationId", String.class),
                "Refused by {}: kept as a dead letter", department);
    }

    /**
     * The route's handling of {@link CannotDispatchException} and template errors: the message is kept as a dead
     * letter with the reason and consumed, never retried on its own.
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
     * The route's handling of an answer it could not read (not JSON or XML, or XML with a DOCTYPE, which is never
     * parsed): a dead letter that says why, in the parser's words, without the answer itself.
     */
    public void unreadable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String department = exchange.getProperty("SangamDepartment", String.class);
        keepAsDeadLetter(exchange, department + " accepted the application, but its answer could not be read: "
                + cause.getMessage(), "could not be handed over");
        ApplicationLog.info(LOG, exchange.getProperty("SangamApplicationId", String.class),
                "The answer of {} could not be read: kept as a dead letter", department);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
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
            long id = deadLetters.record(exchange.getProperty(MESSAGE_ID, String.class),
                    department, applicationId, "dispatch", reason, 1, DispatchRequested.queueOf(department),
                    DispatchRequested.TYPE, exchange.getProperty(DISPATCH_MESSAGE, String.class));
            audit.append(new AuditEvent(AuditEvent.HUB, AuditAction.DISPATCH_FAILED, AuditChannel.DISPATCH,
                    applicationId, department, null, null, what + "; dead letter " + id));
        });
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
