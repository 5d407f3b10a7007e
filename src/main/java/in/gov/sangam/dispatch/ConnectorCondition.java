package in.gov.sangam.dispatch;

import java.time.Instant;

/**
 * How a department's connector is doing: UP (its system answers), DEGRADED (it failed lately, or is being tried again
 * after an outage) or DOWN (its circuit is open, or it has no connector); its circuit breaker's state; when its
 * system last answered and the last failure seen; and, in the demo only, where its simulator listens.
 */
public record ConnectorCondition(String protocol, State state, Circuit circuit, Instant lastSuccessAt,
        String lastFailure, String simulator) {

    public enum State { UP, DEGRADED, DOWN }

    public enum Circuit { CLOSED, OPEN, HALF_OPEN }
}
