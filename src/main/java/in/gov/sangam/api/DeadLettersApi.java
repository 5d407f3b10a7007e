package in.gov.sangam.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.model.DeadLetterPage;
import in.gov.sangam.audit.AuditAction;
import in.gov.sangam.audit.AuditChannel;
import in.gov.sangam.audit.AuditEvent;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.deadletters.DeadLetter;
import in.gov.sangam.deadletters.DeadLetters;
import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.outbox.Outbox;
import in.gov.sangam.time.HubTimeZone;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the operators' dead-letter routes call: list what failed, replay one. */
@Component("deadLettersApi")
public class DeadLettersApi {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLettersApi.class);
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final DeadLetters deadLetters;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ObjectMapper objectMapper;
    private final HubTimeZone timeZone;

    public DeadLettersApi(DeadLetters deadLetters, Outbox outbox, AuditTrail audit, ObjectMapper objectMapper,
            HubTimeZone timeZone) {
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.audit = audit;
        this.objectMapper = objectMapper;
        this.timeZone = timeZone;
    }

    public DeadLetterPage list(@Header("page") Integer page, @Header("size") Integer size,
            @Header(Caller.SCOPES_HEADER) Object scopes) {
        Caller.of(null, scopes).requireAdmin();
        int pageNumber = page == null ? 1 : page;
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
        return new DeadLetterPage()
                .items(deadLetters.open((pageNumber - 1) * pageSize, pageSize).stream().map(this::model).toList())
                .total(deadLetters.countOpen())
                .page(pageNumber)
                .size(pageSize);
    }

    /**
     * Sends the original message again through the outbox (a new message id, so the broker's duplicate detection
     * does not drop it), in the same transaction that marks the dead letter replayed and writes the audit entry
     * naming the administrator.
     */
    @Transactional
    public in.gov.sangam.api.model.DeadLetter replay(@Header("deadLetterId") Long id,
            @Header(Caller.SCOPES_HEADER) Object scopes, Exchange exchange) throws IOException {
        Caller.of(null, scopes).requireAdmin();
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "There is no dead letter with the id " + id + "."));
        if (!deadLetters.markReplayed(id)) {
            throw new ProblemException(ProblemType.ALREADY_REPLAYED, "Dead letter " + id + " was replayed already.");
        }
        outbox.add(letter.destination(), letter.messageType(), letter.applicationId(),
                objectMapper.readTree(letter.payload()));
        audit.append(new AuditEvent(Caller.of(exchange.getMessage().getHeader(Caller.CLIENT_HEADER), scopes).clientId(),
                AuditAction.DEAD_LETTER_REPLAYED, AuditChannel.OPERATOR, letter.applicationId(), letter.department(),
                null, null, "dead letter " + id + " (" + letter.source() + ")"));
        ApplicationLog.info(LOG, letter.applicationId(), "Dead letter {} replayed to {}", id, letter.destination());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        return model(deadLetters.find(id).orElseThrow());
    }


    private in.gov.sangam.api.model.DeadLetter model(DeadLetter letter) {
        return new in.gov.sangam.api.model.DeadLetter()
                .id(letter.id())
                .department(letter.department())
                .applicationId(letter.applicationId())
                .source(letter.source())
                .reason(letter.reason())
                .attempts(letter.attempts())
                .failedAt(timeZone.local(letter.failedAt()))
                .replayedAt(timeZone.local(letter.replayedAt()))
                .messageType(letter.messageType())
                .message(letter.payload());
    }
}
