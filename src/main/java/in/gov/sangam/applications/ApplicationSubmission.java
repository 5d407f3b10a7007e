package in.gov.sangam.applications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.gov.sangam.audit.AuditAction;
import in.gov.sangam.audit.AuditChannel;
import in.gov.sangam.audit.AuditEvent;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.catalogue.JsonSchemas;
import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.outbox.Outbox;
import in.gov.sangam.privacy.CitizenDataCipher;
import in.gov.sangam.privacy.Verhoeff;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flow 1, submit: checks an application against its service's form, stores it as SUBMITTED with its acknowledgement
 * time and PSGA due date, and, in the same transaction, the outbox message that will dispatch it and its audit entry.
 * Retries with the same idempotency key and body return the first application and create nothing.
 */
@Service
public class ApplicationSubmission {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationSubmission.class);

    private final Catalogue catalogue;
    private final ApplicationStore store;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PsgaDates timeline;
    private final CitizenDataCipher cipher;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    public ApplicationSubmission(Catalogue catalogue, ApplicationStore store, Outbox outbox, AuditTrail audit,
            PsgaDates timeline, CitizenDataCipher cipher, ObjectMapper objectMapper, TransactionTemplate transaction,
            Clock clock, @Value("${sangam.time-zone}") String zone) {
        this.catalogue = catalogue;
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
        this.timeline = timeline;
        this.cipher = cipher;
        this.objectMapper = objectMapper;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * @param clientId the authenticated client; idempotency keys are scoped to it
     * @param body the request body, already checked against the OpenAPI contract
     */
    public SubmissionResult submit(String clientId, String idempotencyKey, String body) {
        JsonNode request = parse(body);
        String fingerprint = cipher.fingerprint(canonical(request));
        Optional<SubmissionResult> earlier = replay(clientId, idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CatalogueService service = validate(request);
        try {
            StoredApplication stored = transaction.execute(status -> store(service, request, clientId,
                    idempotencyKey, fingerprint));
            log(stored, "Application submitted for service {} of department {}", service.code(), service.department());
            return new SubmissionResult(stored, false);
        } catch (DuplicateKeyException concurrentRetry) {
            // Another request with the same key committed first: answer as its retry.
            return replay(clientId, idempotencyKey, fingerprint).orElseThrow(() -> concurrentRetry);
        }
    }

    private Optional<SubmissionResult> replay(String clientId, String idempotencyKey, String fingerprint) {
        return store.findByIdempotencyKey(clientId, idempotencyKey).map(existing -> {
            if (!existing.requestFingerprint().equals(fingerprint)) {
                throw new Refused(Refused.Reason.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key '"
                        + idempotencyKey + "' was first used with a different body (for application "
                        + existing.applicationId() + "). Use a new key for a new application.");
            }
            log(existing, "Repeated submission answered with the existing application");
            return new SubmissionResult(existing, true);
        });
    }

    private CatalogueService validate(JsonNode request) {
        String serviceCode = request.path("serviceCode").asText();
        CatalogueService service = catalogue.service(serviceCode).orElseThrow(() -> new Refused(
                Refused.Reason.UNKNOWN_SERVICE, "There is no service with the code '" + serviceCode + "'.",
                List.of(new FieldProblem("serviceCode", "is not the code of any service in the catalogue"))));
        List<FieldProblem> errors = new ArrayList<>();
        JsonNode aadhaar = request.path("applicant").path("aadhaar");
        if (aadhaar.isTextual() && !Verhoeff.isValid(aadhaar.asText())) {
            errors.add(new FieldProblem("applicant.aadhaar",
                    "is not a valid Aadhaar number: its last digit is not the Verhoeff check digit of the others"));
        }
        for (JsonSchemas.FieldProblem problem
                : JsonSchemas.validate(service.compiledFormSchema(), request.path("formData"), "formData")) {
            errors.add(new FieldProblem(problem.field(), problem.message()));
        }
        // Whatever a form's schema allows, no text may hold what a department's format cannot carry.
        errors.addAll(UnsafeCharacters.fieldsIn(request, ""));
        if (!errors.isEmpty()) {
            throw Refused.invalid(errors);
        }
        return service;
    }

    private StoredApplication store(CatalogueService service, JsonNode request, String clientId,
            String idempotencyKey, String fingerprint) {
        Instant acknowledgedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String applicationId = ApplicationIds.of(store.nextApplicationNumber(), acknowledgedAt, zone);
        JsonNode applicant = request.path("applicant");
        PsgaDates.Dates dates = timeline.of(acknowledgedAt, service, applicant.path("district").asText());
        String aadhaar = applicant.hasNonNull("aadhaar") ? applicant.get("aadhaar").asText() : null;
        NewApplication application = new NewApplication(
                applicationId,
                service.code(),
                service.department(),
                applicant.path("name").asText(),
                applicant.path("mobile").asText(),
                aadhaar == null ? null : cipher.encrypt(aadhaar),
                aadhaar == null ? null : aadhaar.substring(aadhaar.length() - 4),
                applicant.hasNonNull("email") ? applicant.get("email").asText() : null,
                applicant.path("district").asText(),
                applicant.path("language").asText(),
                request.path("formData").toString(),
                acknowledgedAt,
                dates.dueBy(),
                dates.warnAt(),
                clientId,
                idempotencyKey,
                fingerprint);
        store.insert(application);
        store.appendHistory(applicationId, ApplicationStatus.SUBMITTED, acknowledgedAt,
                "Application received and acknowledged.");
        outbox.add(DispatchRequested.queueOf(service.department()), DispatchRequested.TYPE, applicationId,
                new DispatchRequested(applicationId, service.code(), service.department()));
        audit.append(new AuditEvent(clientId, AuditAction.APPLICATION_SUBMITTED, AuditChannel.PORTAL, applicationId,
                service.department(), null, ApplicationStatus.SUBMITTED.name(), "service " + service.code()));
        return store.find(applicationId).orElseThrow();
    }

    private JsonNode parse(String body) {
        try {
            return objectMapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Refused(Refused.Reason.MALFORMED,
                    "The body could not be parsed as JSON: " + e.getOriginalMessage());
        }
    }

    /** The request with object keys sorted, so that the same content always gives the same fingerprint. */
    private String canonical(JsonNode node) {
        return json(sorted(node));
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = objectMapper.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = objectMapper.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private String json(JsonNode value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(StoredApplication application, String message, Object... args) {
        ApplicationLog.info(LOG, application.applicationId(), message, args);
    }
}
