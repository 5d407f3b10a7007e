package in.gov.sangam.dispatch;

import in.gov.sangam.appeal.DepartmentOutageHistory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * When each department's connector could not deliver, recorded for the appeals, so that an authority can tell a
 * system failure from an officer's delay.
 *
 * <p>An outage, on one hub node, starts when the department's circuit breaker opens (resilience4j's transition to
 * OPEN: enough calls failed) and ends when the department next answers a call through it (a success, or a refusal,
 * which is the department working) while the circuit lets calls through again, or when the circuit closes. While
 * the circuit is OPEN the connector sends nothing, whatever the department does; HALF_OPEN without an answer yet is
 * still down. The first answer ends it, not the circuit closing: that waits for ten calls made while half-open,
 * which a department with few applications may not be sent for hours. Each node has its own circuit breakers and
 * records its own rows ({@code department_outage}, column {@code node}); {@link #between} makes them one history,
 * in which the department was down whenever ANY node saw it down (see {@link OutagePeriods}). The times are the
 * hub's clock, the one PSGA timelines are counted on.
 *
 * <p>An outage going on is a row without an end. Every {@code sangam.connectors.outages.keep-alive} each node says
 * its own are still going on ({@code routes/department-outages.yaml}), and writes anything a failed database write
 * left out. A node that stops (killed, restarted: a restarted process is a new node) stops saying so: after
 * {@code sangam.connectors.outages.node-lost-after} any node ends its outages at the last time it saw them, and
 * marks that their end was not seen, which the reason then says.
 */
@Component
public class DepartmentOutages implements DepartmentOutageHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentOutages.class);
    /** The states in which the connector sends nothing: a transition to one of them starts an outage. */
    private static final Set<CircuitBreaker.State> CLOSED_TO_CALLS = EnumSet.of(CircuitBreaker.State.OPEN,
            CircuitBreaker.State.FORCED_OPEN);

    /** This node's view of an outage going on: since when, why, its row once written, and when it was answered. */
    private static final class Ongoing {
        Instant since;
        final String reason;
        Long row;
        Instant answeredAt;

        Ongoing(Instant since, String reason) {
            this.since = since;
            this.reason = reason;
        }
    }

    private final OutageRecords records;
    private final ConnectorHealth health;
    private final Clock clock;
    private final Clock wallClock;
    private final Duration nodeLostAfter;
    private final String node;
    /** Each department's circuit breaker now; the events of one it replaced are no longer this node's view. */
    private final Map<String, CircuitBreaker> watched = new ConcurrentHashMap<>();
    /** The outages going on, as this node sees them, by department. */
    private final Map<String, Ongoing> goingOn = new ConcurrentHashMap<>();

    @Autowired
    public DepartmentOutages(OutageRecords records, DepartmentCircuitBreakers circuitBreakers, ConnectorHealth health,
            Clock clock, @Value("${sangam.connectors.outages.node-lost-after}") Duration nodeLostAfter) {
        // The wall clock says whether a node is alive, which is about processes, not PSGA time. The process and host,
        // and a part of its own: two hubs in one JVM (as in tests) are two nodes, a restarted process a new one.
        this(records, circuitBreakers, health, clock, Clock.systemUTC(), nodeLostAfter,
                ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    DepartmentOutages(OutageRecords records, DepartmentCircuitBreakers circuitBreakers, ConnectorHealth health,
            Clock clock, Clock wallClock, Duration nodeLostAfter, String node) {
        this.records = records;
        this.health = health;
        this.clock = clock;
        this.wallClock = wallClock;
        this.nodeLostAfter = nodeLostAfter;
        this.node = node;
        circuitBreakers.watch(this::watch);
    }

    @Override
    public List<Outage> between(String department, Instant from, Instant to) {
        return OutagePeriods.merge(records.overlapping(department, from, to), from, to);
    }

    /** This node's name, as its rows give it. */
    String node() {
        return node;
    }

    /**
     * Keeps this node's outages going on alive, writes what a failed write left out, and ends the outages of nodes
     * that have stopped. Called by {@code routes/department-outages.yaml} every keep-alive period.
     */
    public synchronized void keepAlive() {
        Instant now = clock.instant();
        Instant alive = wallClock.instant();
        for (Map.Entry<String, Ongoing> entry : goingOn.entrySet()) {
            Ongoing outage = entry.getValue();
            try {
                if (outage.row != null && outage.answeredAt == null && !records.stillDown(outage.row, now, alive)) {
                    // Another node took this one for stopped (it could not reach the database for a while) and
                    // ended its row: the outage goes on, in a row of its own from now.
                    outage.row = null;
                    outage.since = now;
                }
            } catch (DataAccessException notNow) {
                LOG.warn("The outage of {} could not be kept alive ({}); tried again at the next keep-alive",
                        entry.getKey(), notNow.getMessage());
            }
            write(entry.getKey(), outage);
        }
        try {
            int ended = records.endThoseOfStoppedNodes(alive.minus(nodeLostAfter));
            if (ended > 0) {
                LOG.info("Ended {} department outage(s) recorded by hub nodes that stopped; their end was not seen",
                        ended);
            }
        } catch (DataAccessException notNow) {
            LOG.warn("The outages of stopped hub nodes could not be ended ({}); tried again at the next keep-alive",
                    notNow.getMessage());
        }
    }

    /** Follows a department's circuit breaker: the one just configured for it replaces any before. */
    private void watch(CircuitBreaker circuitBreaker) {
        String department = circuitBreaker.getName();
        if (watched.put(department, circuitBreaker) == circuitBreaker) {
            return;
        }
        circuitBreaker.getEventPublisher()
                .onStateTransition(event -> seen(department, circuitBreaker))
                .onSuccess(event -> answered(department, circuitBreaker))
                // Only a refusal is ignored (DepartmentCircuitBreakers): the department answered.
                .onIgnoredError(event -> answered(department, circuitBreaker));
        // A department configured anew gets a closed circuit, which says nothing of the department: an outage going
        // on goes on until it answers through the new one.
        if (CLOSED_TO_CALLS.contains(circuitBreaker.getState())) {
            wentDown(department, circuitBreaker);
        }
    }

    /** The circuit changed state: down when it no longer lets calls through, answered when it has closed. */
    private void seen(String department, CircuitBreaker circuitBreaker) {
        CircuitBreaker.State state = circuitBreaker.getState();
        if (CLOSED_TO_CALLS.contains(state)) {
            wentDown(department, circuitBreaker);
        } else if (state != CircuitBreaker.State.HALF_OPEN) {
            answered(department, circuitBreaker);
        }
    }

    private synchronized void wentDown(String department, CircuitBreaker circuitBreaker) {
        if (watched.get(department) != circuitBreaker || goingOn.containsKey(department)) {
            return;
        }
        // The failure that opened the circuit: the routes report it to ConnectorHealth before the circuit counts it.
        String reason = health.lastFailureOf(department).orElse(department + " failed");
        Ongoing outage = new Ongoing(clock.instant(), reason);
        goingOn.put(department, outage);
        LOG.warn("Outage of {} begins on this node: {}", department, reason);
        write(department, outage);
    }

    /** The department answered a call (or its circuit closed): an outage going on is over, unless calls are shut. */
    private void answered(String department, CircuitBreaker circuitBreaker) {
        // Every successful call comes here: only an outage going on costs more than this look.
        if (!goingOn.containsKey(department)) {
            return;
        }
        synchronized (this) {
            Ongoing outage = goingOn.get(department);
            // A call that was on its way when the circuit opened may still succeed: the connector sends nothing now.
            if (outage == null || outage.answeredAt != null || watched.get(department) != circuitBreaker
                    || CLOSED_TO_CALLS.contains(circuitBreaker.getState())) {
                return;
            }
            outage.answeredAt = clock.instant();
            LOG.info("Outage of {} ends on this node: it answered again", department);
            write(department, outage);
        }
    }

    /**
     * Brings the outage's row in line with what this node knows; once an ended outage is written, it is no longer
     * going on. A database that cannot be reached leaves that to the next keep-alive, with the times seen now.
     */
    private synchronized void write(String department, Ongoing outage) {
        try {
            if (outage.row == null) {
                outage.row = records.add(department, node, outage.since, outage.answeredAt, outage.reason,
                        wallClock.instant());
            } else if (outage.answeredAt != null && !records.end(outage.row, outage.answeredAt)) {
                // Ended meanwhile by another node that took this one for stopped: this node saw the whole of it.
                records.add(department, node, outage.since, outage.answeredAt, outage.reason, wallClock.instant());
            }
            if (outage.answeredAt != null) {
                goingOn.remove(department, outage);
            }
        } catch (DataAccessException notNow) {
            LOG.warn("The outage of {} could not be recorded now ({}); tried again at the next keep-alive",
                    department, notNow.getMessage());
        }
    }
}
