package in.gov.sangam.reconciliation;

import java.time.Instant;

/** The last sweep of one kind: when, by which node, how many it found waiting too long and how many it moved on. */
public record Sweep(StuckKind kind, Instant at, String node, int found, int redriven) {
}
