package in.gov.sangam.reconciliation;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which hub node sweeps now: the one row of {@code reconciliation_lease}, claimed with a conditional UPDATE (only
 * when free or run out), so that of several nodes sharing the database one sweeps at a time, whatever their timers
 * do. The lease is measured on the wall clock, like the outbox's claims: it is about processes, not PSGA time.
 */
@Component("reconciliationLease")
public class ReconciliationLease {

    private final JdbcClient jdbc;
    private final Duration lease;
    private final Clock wallClock;
    private final String node;

    @Autowired
    public ReconciliationLease(JdbcClient jdbc, ReconciliationProperties properties) {
        // The process and host, and a part of its own: two hubs in one JVM (as in tests) are two nodes.
        this(jdbc, properties.lease(), Clock.systemUTC(), ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    ReconciliationLease(JdbcClient jdbc, Duration lease, Clock wallClock, String node) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.wallClock = wallClock;
        this.node = node;
    }

    /** This hub node's name, as the reconciler's findings show it. */
    public String node() {
        return node;
    }

    /** Takes the sweep for this node, unless another node holds it: whether this node may sweep now. */
    public boolean take() {
        Instant now = wallClock.instant();
        return jdbc.sql("""
                UPDATE reconciliation_lease SET holder = :node, held_until = :until
                WHERE name = 'sweep' AND (held_until IS NULL OR held_until < :now)""")
                .param("node", node)
                .param("until", now.plus(lease).atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** Gives the sweep up once done, unless it ran out meanwhile and another node holds it now. */
    public void release() {
        jdbc.sql("UPDATE reconciliation_lease SET holder = NULL, held_until = NULL WHERE name = 'sweep' AND holder = :node")
                .param("node", node)
                .update();
    }
}
