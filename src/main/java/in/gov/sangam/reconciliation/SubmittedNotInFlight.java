package in.gov.sangam.reconciliation;

import in.gov.sangam.applications.ApplicationStatus;
import in.gov.sangam.applications.DispatchRequested;
import in.gov.sangam.audit.AuditAction;
import in.gov.sangam.audit.AuditChannel;
import in.gov.sangam.audit.AuditEvent;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.dispatch.DepartmentCircuitBreakers;
import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.messaging.Addresses;
import in.gov.sangam.outbox.Outbox;
import in.gov.sangam.outbox.OutboxRelay;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kind {@code submitted-not-in-flight}: an application still SUBMITTED, its dispatch message published longer than
 * the threshold ago, no open dead letter for it, and no dispatch message for it anywhere in its department's queue.
 * That happens when the broker's consumption of the message committed but the database's change did not (the
 * hub killed between the two): nothing would ever move the application on.
 *
 * <p>Its dispatch is requested again: a new DispatchRequested outbox message for the same application (so the
 * department gets the same hub reference), in one transaction with an audit entry. Asking twice is harmless: a
 * connector given an application that is no longer SUBMITTED leaves it alone ({@code Dispatcher.prepare}).
 * Departments whose circuit is open are skipped: they are down, and their applications wait for them.
 */
@Component("submittedNotInFlight")
public class SubmittedNotInFlight {

    private static final Logger LOG = LoggerFactory.getLogger(SubmittedNotInFlight.class);
    private static final StuckKind KIND = StuckKind.SUBMITTED_NOT_IN_FLIGHT;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Thresholds thresholds;
    private final ReconciliationProperties properties;
    private final BrokerQueues broker;
    private final DepartmentCircuitBreakers circuitBreakers;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ReconciliationFindings findings;
    private final ReconciliationLease lease;
    private final ReconciliationMetrics metrics;

    public SubmittedNotInFlight(JdbcClient jdbc, Clock clock, Thresholds thresholds,
            ReconciliationProperties properties, BrokerQueues broker, DepartmentCircuitBreakers circuitBreakers,
            Outbox outbox, AuditTrail audit, TransactionTemplate transaction, ReconciliationFindings findings,
            ReconciliationLease lease, ReconciliationMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.thresholds = thresholds;
        this.properties = properties;
        this.broker = broker;
        this.circuitBreakers = circuitBreakers;
        this.outbox = outbox;
        this.audit = audit;
        this.transaction = transaction;
        this.findings = findings;
        this.lease = lease;
        this.metrics = metrics;
    }

    public void sweep() {
        Instant now = clock.instant();
        List<WaitingDispatch> waiting = waitingSince(now.minus(thresholds.of(KIND)));
        Set<String> openCircuits = waiting.stream().map(WaitingDispatch::department).distinct()
                .filter(this::circuitOpen).collect(Collectors.toSet());
        Set<String> inFlight = inFlight(waiting.stream().filter(d -> !openCircuits.contains(d.department())).toList());
        List<WaitingDispatch> stuck = StuckDispatches.stuck(waiting, openCircuits, inFlight);
        int redriven = 0;
        for (WaitingDispatch dispatch : stuck) {
            if (dispatchAgain(dispatch, now)) {
                redriven++;
            }
        }
        findings.swept(KIND, now, lease.node(), stuck.size(), redriven);
        metrics.redriven(KIND, redriven);
        if (!openCircuits.isEmpty()) {
            LOG.info("Reconciliation left alone the applications waiting for {}: circuit open", openCircuits);
        }
    }

    /** Applications SUBMITTED whose latest dispatch message was published before {@code before}, oldest first. */
    private List<WaitingDispatch> waitingSince(Instant before) {
        return jdbc.sql("""
                SELECT a.application_id, a.service_code, a.department, o.id AS outbox_id, o.published_at
                FROM application a
                JOIN outbox_message o ON o.aggregate_id = a.application_id AND o.message_type = :type
                WHERE a.status = :submitted AND a.handed_over_at IS NULL
                  AND o.id = (SELECT MAX(m.id) FROM outbox_message m
                              WHERE m.aggregate_id = a.application_id AND m.message_type = :type)
                  AND o.published_at IS NOT NULL AND o.published_at < :before
                  AND NOT EXISTS (SELECT 1 FROM dead_letter d
                                  WHERE d.application_id = a.application_id AND d.message_type = :type
                                    AND d.replayed_at IS NULL)
                ORDER BY o.published_at, a.application_id
                FETCH FIRST :limit ROWS ONLY""")
                .param("type", DispatchRequested.TYPE)
                .param("submitted", ApplicationStatus.SUBMITTED.name())
                .param("before", before.atOffset(ZoneOffset.UTC))
                .param("limit", properties.batchSize())
                .query((rs, row) -> new WaitingDispatch(rs.getString("application_id"), rs.getString("service_code"),
                        rs.getString("department"), rs.getLong("outbox_id"),
                        rs.getObject("published_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private boolean circuitOpen(String department) {
        CircuitBreaker.State state = circuitBreakers.circuitBreaker(department).getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    /**
     * The applications among these that a dispatch message in the broker names. Those not seen are looked for a
     * second time: a message moving between states (redelivered, rolled back) while the broker is asked about
     * each state in turn could be missed once.
     */
    private Set<String> inFlight(List<WaitingDispatch> waiting) {
        Map<String, Set<String>> byDepartment = new TreeMap<>();
        waiting.forEach(d -> byDepartment.computeIfAbsent(d.department(), k -> new HashSet<>()).add(d.applicationId()));
        Set<String> inFlight = new HashSet<>();
        byDepartment.forEach((department, applications) -> {
            String queue = Addresses.dispatch(department);
            Set<String> seen = new HashSet<>(broker.held(queue, queue, OutboxRelay.APPLICATION_ID_HEADER,
                    applications));
            Set<String> unseen = new HashSet<>(applications);
            unseen.removeAll(seen);
            seen.addAll(broker.held(queue, queue, OutboxRelay.APPLICATION_ID_HEADER, unseen));
            inFlight.addAll(seen);
        });
        return inFlight;
    }

    /**
     * Requests the dispatch again, in one transaction with its audit entry and finding; only if the application is
     * still SUBMITTED and no newer dispatch message was written since it was found (the department's answer, or
     * an operator's replay, landing meanwhile).
     */
    private boolean dispatchAgain(WaitingDispatch dispatch, Instant now) {
        Long requested = transaction.execute(status -> {
            String current = jdbc.sql("SELECT status FROM application WHERE application_id = :id FOR UPDATE")
                    .param("id", dispatch.applicationId()).query(String.class).single();
            Long latest = jdbc.sql("""
                    SELECT MAX(id) FROM outbox_message WHERE aggregate_id = :id AND message_type = :type""")
                    .param("id", dispatch.applicationId()).param("type", DispatchRequested.TYPE)
                    .query(Long.class).single();
            if (!ApplicationStatus.SUBMITTED.name().equals(current) || latest == null
                    || latest != dispatch.outboxId()) {
                return null;
            }
            String messageId = outbox.add(DispatchRequested.queueOf(dispatch.department()), DispatchRequested.TYPE,
                    dispatch.applicationId(), new DispatchRequested(dispatch.applicationId(), dispatch.serviceCode(),
                            dispatch.department()));
            long outboxId = jdbc.sql("SELECT id FROM outbox_message WHERE message_id = :messageId")
                    .param("messageId", messageId).query(Long.class).single();
            String detail = "no dispatch message in flight to " + dispatch.department() + " since "
                    + dispatch.publishedAt() + "; requested again as outbox message " + outboxId;
            findings.record(new Finding(KIND, now, lease.node(), Finding.DISPATCHED_AGAIN, dispatch.applicationId(),
                    outboxId, null, null, dispatch.publishedAt(), null, null, detail));
            audit.append(new AuditEvent(AuditEvent.HUB, AuditAction.DISPATCH_REQUESTED_AGAIN,
                    AuditChannel.RECONCILIATION, dispatch.applicationId(), dispatch.department(), null, null, detail));
            return outboxId;
        });
        if (requested != null) {
            ApplicationLog.info(LOG, dispatch.applicationId(), "Nothing in flight to {} since {}: dispatch requested "
                    + "again", dispatch.department(), dispatch.publishedAt());
        }
        return requested != null;
    }
}
