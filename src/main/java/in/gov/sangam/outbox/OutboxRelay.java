package in.gov.sangam.outbox;

import in.gov.sangam.logs.ApplicationLog;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the outbox relay route calls: which messages are pending, how each becomes a JMS message, and the outcome. */
@Component("outboxRelay")
public class OutboxRelay {

    /** Artemis drops a second message with the same value of this property on the same address. */
    public static final String DUPLICATE_DETECTION_HEADER = "_AMQ_DUPL_ID";
    public static final String MESSAGE_ID_HEADER = "SangamMessageId";
    public static final String MESSAGE_TYPE_HEADER = "SangamMessageType";
    public static final String APPLICATION_ID_HEADER = "SangamApplicationId";
    private static final String OUTBOX_ID_HEADER = "SangamOutboxId";
    private static final String DESTINATION_HEADER = "SangamDestination";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final int batchSize;

    public OutboxRelay(Outbox outbox, @Value("${sangam.outbox.batch-size}") int batchSize) {
        this.outbox = outbox;
        this.batchSize = batchSize;
    }

    public List<OutboxMessage> claim() {
        return outbox.claim(batchSize);
    }

    public void toJmsMessage(Exchange exchange) {
        OutboxMessage pending = exchange.getMessage().getBody(OutboxMessage.class);
        Message message = exchange.getMessage();
        message.setHeader(OUTBOX_ID_HEADER, pending.id());
        message.setHeader(DESTINATION_HEADER, pending.destination());
        message.setHeader(DUPLICATE_DETECTION_HEADER, pending.messageId());
        message.setHeader(MESSAGE_ID_HEADER, pending.messageId());
        message.setHeader(MESSAGE_TYPE_HEADER, pending.messageType());
        message.setHeader(APPLICATION_ID_HEADER, pending.aggregateId());
        message.setBody(pending.payload());
    }

    public void published(Exchange exchange) {
        Message message = exchange.getMessage();
        outbox.markPublished(message.getHeader(OUTBOX_ID_HEADER, Long.class));
        logPublished(message.getHeader(APPLICATION_ID_HEADER, String.class), message.getHeader(MESSAGE_TYPE_HEADER),
                message.getHeader(DESTINATION_HEADER));
    }

    /** A batch the broker committed as one: marked published in one statement, each logged as when alone. */
    public void publishedAll(List<OutboxMessage> batch) {
        outbox.markPublished(batch.stream().map(OutboxMessage::id).toList());
        for (OutboxMessage message : batch) {
            logPublished(message.aggregateId(), message.messageType(), message.destination());
        }
    }

    private static void logPublished(String applicationId, Object messageType, Object destination) {
        ApplicationLog.info(LOG, applicationId, "{} published to {}", messageType, destination);
    }

    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        outbox.markFailed(exchange.getMessage().getHeader(OUTBOX_ID_HEADER, Long.class),
                cause == null ? null : cause.toString());
    }
}
