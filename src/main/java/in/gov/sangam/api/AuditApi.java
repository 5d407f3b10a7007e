package in.gov.sangam.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.model.AuditPage;
import in.gov.sangam.api.model.AuditVerificationRequest;
import in.gov.sangam.audit.AuditEntries;
import in.gov.sangam.audit.AuditEntry;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.audit.AuditVerification;
import in.gov.sangam.time.HubTimeZone;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * What the operators' audit routes call: read the trail, verify it. Speaks the contract's models. Each operation
 * checks the admin scope itself as well, though security already did, so that a gap in the access rules does not
 * open the audit trail.
 */
@Component("auditApi")
public class AuditApi {

    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final AuditTrail trail;
    private final AuditEntries entries;
    private final ObjectMapper objectMapper;
    private final HubTimeZone timeZone;

    public AuditApi(AuditTrail trail, AuditEntries entries, ObjectMapper objectMapper, HubTimeZone timeZone) {
        this.trail = trail;
        this.entries = entries;
        this.objectMapper = objectMapper;
        this.timeZone = timeZone;
    }

    /** The entries the query asks for, oldest first; {@code from} and {@code to} are checked by the contract. */
    public AuditPage list(@Header(Caller.SCOPES_HEADER) Object scopes, @Header("applicationId") String applicationId,
            @Header("from") String from, @Header("to") String to, @Header("page") Integer page,
            @Header("size") Integer size) {
        Caller.of(null, scopes).requireAdmin();
        int pageNumber = page == null ? 1 : page;
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
        trail.sealCommitted();
        AuditEntries.Filter filter = new AuditEntries.Filter(applicationId,
                from == null ? null : OffsetDateTime.parse(from).toInstant(),
                to == null ? null : OffsetDateTime.parse(to).toInstant());
        return new AuditPage()
                .items(entries.page(filter, (long) (pageNumber - 1) * pageSize, pageSize).stream()
                        .map(this::model).toList())
                .total(entries.count(filter))
                .page(pageNumber)
                .size(pageSize);
    }

    /** Walks the trail; the body, if any, is the head the operator kept. */
    public in.gov.sangam.api.model.AuditVerification verify(@Header(Caller.SCOPES_HEADER) Object scopes, @Body String body)
            throws IOException {
        Caller.of(null, scopes).requireAdmin();
        AuditVerificationRequest kept = body == null || body.isBlank() ? new AuditVerificationRequest()
                : read(body);
        AuditVerification verification = trail.verify(kept.getExpectedHeadSequence(), kept.getExpectedHeadHash());
        return new in.gov.sangam.api.model.AuditVerification()
                .intact(verification.intact())
                .entriesChecked(verification.entriesChecked())
                .headSequence(Math.max(0, verification.head().sequence()))
                // A head someone overwrote with something that is not a hash is not repeated back.
                .headHash(verification.head().sequence() > 0 && HASH.matcher(verification.head().hash()).matches()
                        ? verification.head().hash() : null)
                .firstBrokenSequence(verification.firstBrokenSequence())
                .problem(verification.problem());
    }

    /** The contract checked the body's shape; what it cannot see (a field given twice) is refused here. */
    private AuditVerificationRequest read(String body) {
        try {
            return objectMapper.readValue(body, AuditVerificationRequest.class);
        } catch (JsonProcessingException unreadable) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body could not be read: "
                    + unreadable.getOriginalMessage());
        }
    }


    private in.gov.sangam.api.model.AuditEntry model(AuditEntry entry) {
        return new in.gov.sangam.api.model.AuditEntry()
                .sequence(entry.sequence())
                .at(timeZone.local(entry.at()))
                .clientId(entry.clientId())
                .action(in.gov.sangam.api.model.AuditEntry.ActionEnum.fromValue(entry.action()))
                .channel(entry.channel() == null ? null
                        : in.gov.sangam.api.model.AuditEntry.ChannelEnum.fromValue(entry.channel()))
                .applicationId(entry.applicationId())
                .department(entry.department())
                .statusBefore(status(entry.statusBefore()))
                .statusAfter(status(entry.statusAfter()))
                .detail(entry.detail())
                .previousHash(entry.previousHash())
                .hash(entry.hash());
    }

    private static in.gov.sangam.api.model.ApplicationStatus status(String status) {
        return status == null ? null : in.gov.sangam.api.model.ApplicationStatus.fromValue(status);
    }
}
