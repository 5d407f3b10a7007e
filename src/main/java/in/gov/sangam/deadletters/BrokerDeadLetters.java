package in.gov.sangam.deadletters;

import in.gov.sangam.audit.AuditAction;
import in.gov.sangam.audit.AuditChannel;
import in.gov.sangam.audit.AuditEvent;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.messaging.BrokerProperties;
import in.gov.sangam.outbox.OutboxRelay;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what the broker gave up on (a message whose every delivery failed, the department staying unreachable)
 * as a dead letter an operator can see and replay, with the last failure the department's connector saw. An
 * application the hub could not hand over to its department is a failed dispatch, written to the audit trail too.
 */
@Component("brokerDeadLetters")
public class BrokerDeadLetters {

    /** Artemis names the address a dead message was first sent to in this property. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    /** ...and the queue it was in: for a multicast address (completion events), the subscriber's queue. */
    private static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    private static final String DISPATCH_PREFIX = "sangam.dispatch.";

    private final DeadLetters deadLetters;
    private final LastFailures lastFailures;
    private final BrokerProperties broker;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    public BrokerDeadLetters(DeadLetters deadLetters, LastFailures lastFailures, BrokerProperties broker,
            AuditTrail audit, TransactionTemplate transaction) {
        this.deadLetters = deadLetters;
        this.lastFailures = lastFailures;
        this.broker = broker;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * Where a replay goes: the same queue. For a subscriber of a multicast address (completion events) that is the
     * fully qualified address::queue, sent as to a topic (Artemis refuses anycast sends to a multicast queue), so
     * that only the subscriber that failed gets the message again.
     */
    static String replayTo(String address, String queue) {
        if (address.contains("::")) {
            // It was sent to one subscriber already (a replay, or the reconciler re-driving an event).
            return "topic:" + address;
        }
        return queue.equals(address) ? "queue:" + address : "topic:" + address + "::" + queue;
    }

    public void record(Exchange exchange) {
        Message message = exchange.getMessage();
        String address = message.getHeader(ORIGINAL_ADDRESS, "unknown", String.class);
        boolean dispatch = address.startsWith(DISPATCH_PREFIX);
        String department = dispatch ? address.substring(DISPATCH_PREFIX.length()) : "hub";
        // The broker moves a message here after exactly as many deliveries as its address allows.
        int deliveries = dispatch ? broker.dispatchMaxDeliveryAttempts() : broker.maxDeliveryAttempts();
        String lastFailure = lastFailures.lastFailureOf(department).orElse(null);
        String applicationId = message.getHeader(OutboxRelay.APPLICATION_ID_HEADER, String.class);
        String queue = message.getHeader(ORIGINAL_QUEUE, address, String.class);
        // A completion event failed at one subscriber: the dead letter names it (feedback, appeal).
        String source = dispatch ? "dispatch" : queue.equals(address) ? "broker" : queue;
        transaction.executeWithoutResult(status -> {
            long id = deadLetters.record(message.getHeader(OutboxRelay.MESSAGE_ID_HEADER, String.class), department,
                    applicationId, source, "Not delivered after " + deliveries + " attempts"
                            + (lastFailure == null ? "" : "; last failure: " + lastFailure), deliveries,
                    replayTo(address, queue),
                    message.getHeader(OutboxRelay.MESSAGE_TYPE_HEADER, "unknown", String.class),
                    message.getBody(String.class));
            if (dispatch) {
                audit.append(new AuditEvent(AuditEvent.HUB, AuditAction.DISPATCH_FAILED, AuditChannel.DISPATCH,
                        applicationId, department, null, null,
                        "not delivered after " + deliveries + " attempts; dead letter " + id));
            }
        });
    }
}
