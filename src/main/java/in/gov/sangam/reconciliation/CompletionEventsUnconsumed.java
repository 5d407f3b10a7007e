package in.gov.sangam.reconciliation;

import in.gov.sangam.applications.ApplicationCompleted;
import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.messaging.Addresses;
import in.gov.sangam.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Kind {@code completion-events-unconsumed}: an ApplicationCompleted event published longer than the threshold ago
 * that a subscriber ({@code feedback}, {@code appeal}) has not consumed (its route records the id of each event it
 * consumed in {@code CAMEL_MESSAGEPROCESSED}, processor {@code completion-<subscriber>}, see
 * {@code events.ConsumedEventsConfiguration} and routes/completion-events.yaml), that is no open dead letter (an
 * operator's to replay), and that is not waiting in the subscriber's queue in any state. The route publishes it
 * again to that subscriber's queue only: the same payload, whose {@code eventId} the subscriber consumes once
 * however often it comes, the same {@code SangamMessageId}, and a fresh duplicate-detection id, since the address's
 * duplicate-detection cache would drop a copy with the first one.
 *
 * <p>An event is its first sending's outbox message, whose id is the event's id; a replay of a dead letter is a
 * message of its own, and its consumption is recorded under the same event id, so the event counts as consumed.
 *
 * <p>Only events published within {@code sangam.reconciliation.look-back} are looked at, so what a sweep reads
 * stays bounded as the outbox grows.
 */
@Component("completionEventsUnconsumed")
public class CompletionEventsUnconsumed {

    /** The subscriber's queue an event goes to again, as a fully qualified queue name (address::queue). */
    public static final String QUEUE_HEADER = "SangamSubscriberQueue";
    private static final String EVENT_PROPERTY = "SangamReconciledEvent";
    private static final Logger LOG = LoggerFactory.getLogger(CompletionEventsUnconsumed.class);
    private static final StuckKind KIND = StuckKind.COMPLETION_EVENTS_UNCONSUMED;
    private static final List<String> SUBSCRIBERS = List.of(Addresses.FEEDBACK_SUBSCRIPTION,
            Addresses.APPEAL_SUBSCRIPTION);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Thresholds thresholds;
    private final ReconciliationProperties properties;
    private final BrokerQueues broker;
    private final ReconciliationFindings findings;
    private final ReconciliationLease lease;
    private final ReconciliationMetrics metrics;

    public CompletionEventsUnconsumed(JdbcClient jdbc, Clock clock, Thresholds thresholds,
            ReconciliationProperties properties, BrokerQueues broker, ReconciliationFindings findings,
            ReconciliationLease lease, ReconciliationMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.thresholds = thresholds;
        this.properties = properties;
        this.broker = broker;
        this.findings = findings;
        this.lease = lease;
        this.metrics = metrics;
    }

    /** The processor name a subscriber's route records the events it consumed under (ConsumedEventsConfiguration). */
    public static String processorOf(String subscriber) {
        return "completion-" + subscriber;
    }

    /** Finds the events to publish again, one per subscriber that misses it, and records the sweep. */
    public List<UnconsumedEvent> find() {
        Instant now = clock.instant();
        List<UnconsumedEvent> unconsumed = new ArrayList<>();
        for (String subscriber : SUBSCRIBERS) {
            List<UnconsumedEvent> candidates = notConsumedBy(subscriber, now.minus(thresholds.of(KIND)),
                    now.minus(properties.lookBack()));
            Set<String> ids = new HashSet<>(candidates.stream().map(UnconsumedEvent::messageId).toList());
            Set<String> queued = new HashSet<>(broker.held(Addresses.APPLICATION_COMPLETED, subscriber,
                    OutboxRelay.MESSAGE_ID_HEADER, ids));
            // Not seen: looked for once more, as a message moving between states could be missed once.
            ids.removeAll(queued);
            queued.addAll(broker.held(Addresses.APPLICATION_COMPLETED, subscriber, OutboxRelay.MESSAGE_ID_HEADER,
                    ids));
            candidates.stream().filter(event -> !queued.contains(event.messageId())).forEach(unconsumed::add);
        }
        findings.swept(KIND, now, lease.node(), unconsumed.size(), 0);
        return unconsumed;
    }

    private List<UnconsumedEvent> notConsumedBy(String subscriber, Instant before, Instant since) {
        return jdbc.sql("""
                SELECT o.id, o.message_id, o.aggregate_id, o.payload, o.published_at FROM outbox_message o
                WHERE o.message_type = :type AND o.published_at < :before AND o.published_at >= :since
                  AND o.destination = :toAll
                  AND NOT EXISTS (SELECT 1 FROM CAMEL_MESSAGEPROCESSED p
                                  WHERE p.processorName = :processor AND p.messageId = o.message_id)
                  AND NOT EXISTS (SELECT 1 FROM dead_letter d
                                  WHERE d.message_id = o.message_id AND d.replayed_at IS NULL)
                ORDER BY o.id FETCH FIRST :limit ROWS ONLY""")
                .param("type", ApplicationCompleted.TYPE)
                .param("before", before.atOffset(ZoneOffset.UTC))
                .param("since", since.atOffset(ZoneOffset.UTC))
                .param("toAll", ApplicationCompleted.DESTINATION)
                .param("processor", processorOf(subscriber))
                .param("limit", properties.batchSize())
                .query((rs, row) -> new UnconsumedEvent(rs.getLong("id"), rs.getString("message_id"),
                        rs.getString("aggregate_id"), subscriber, rs.getString("payload"),
                        rs.getObject("published_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The event as the JMS message the subscriber gets again: the same ids but a fresh duplicate-detection id. */
    public void toJmsMessage(Exchange exchange) {
        UnconsumedEvent event = exchange.getMessage().getBody(UnconsumedEvent.class);
        Message message = exchange.getMessage();
        exchange.setProperty(EVENT_PROPERTY, event);
        message.setHeader(QUEUE_HEADER, queueOf(event.subscriber()));
        message.setHeader(OutboxRelay.MESSAGE_ID_HEADER, event.messageId());
        message.setHeader(OutboxRelay.DUPLICATE_DETECTION_HEADER, event.messageId() + "/again/" + UUID.randomUUID());
        message.setHeader(OutboxRelay.MESSAGE_TYPE_HEADER, ApplicationCompleted.TYPE);
        message.setHeader(OutboxRelay.APPLICATION_ID_HEADER, event.applicationId());
        message.setBody(event.payload());
    }

    /** Called once the event is on the subscriber's queue again. */
    public void publishedAgain(Exchange exchange) {
        UnconsumedEvent event = exchange.getProperty(EVENT_PROPERTY, UnconsumedEvent.class);
        Instant now = clock.instant();
        findings.record(new Finding(KIND, now, lease.node(), Finding.PUBLISHED_AGAIN, event.applicationId(),
                event.outboxId(), null, event.subscriber(), event.publishedAt(), null, null,
                "not consumed by " + event.subscriber() + " since " + event.publishedAt() + "; published again to it"));
        findings.redrivenOneMore(KIND);
        metrics.redriven(KIND, 1);
        ApplicationLog.info(LOG, event.applicationId(), "Completion event {} not consumed by {}: published again",
                event.messageId(), event.subscriber());
    }

    private static String queueOf(String subscriber) {
        return Addresses.APPLICATION_COMPLETED + "::" + subscriber;
    }
}
