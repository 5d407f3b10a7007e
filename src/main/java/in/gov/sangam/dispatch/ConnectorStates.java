package in.gov.sangam.dispatch;

import in.gov.sangam.api.model.ConnectorState;
import in.gov.sangam.time.HubTimeZone;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How each department's connector is doing, from its circuit breaker and what it last saw: UP, DEGRADED or DOWN.
 * Shown in the departments list and in {@code /actuator/health}; one department being down never makes the hub
 * unready, since its applications only wait.
 */
@Component
public class ConnectorStates {

    private final Connectors connectors;
    private final DepartmentResilience resilience;
    private final ConnectorHealth health;
    private final HubTimeZone timeZone;
    private final Environment environment;

    public ConnectorStates(Connectors connectors, DepartmentResilience resilience, ConnectorHealth health,
            HubTimeZone timeZone, Environment environment) {
        this.connectors = connectors;
        this.resilience = resilience;
        this.health = health;
        this.timeZone = timeZone;
        this.environment = environment;
    }

    public ConnectorState of(String department) {
        ConnectorSettings settings = connectors.settings(department);
        CircuitBreaker.State circuit = resilience.circuitBreaker(department).getState();
        ConnectorHealth.Observation seen = health.of(department).orElse(null);
        ConnectorState state = new ConnectorState()
                .protocol(ConnectorState.ProtocolEnum.fromValue(settings.protocol()))
                .circuit(switch (circuit) {
                    case OPEN, FORCED_OPEN -> ConnectorState.CircuitEnum.OPEN;
                    case HALF_OPEN -> ConnectorState.CircuitEnum.HALF_OPEN;
                    default -> ConnectorState.CircuitEnum.CLOSED;
                })
                .state(state(department, circuit, seen));
        if (seen != null) {
            state.lastSuccessAt(timeZone.local(seen.lastSuccessAt()));
            state.lastFailure(seen.lastFailure());
        }
        // Set by the demo (default profile) for a department it simulates; never in production.
        String simulator = environment.getProperty("sangam.demo.simulated." + department);
        if (simulator != null) {
            state.simulator(URI.create(simulator.replace("127.0.0.1", "localhost")));
        }
        return state;
    }

    private ConnectorState.StateEnum state(String department, CircuitBreaker.State circuit,
            ConnectorHealth.Observation seen) {
        if (!connectors.isConnected(department) || circuit == CircuitBreaker.State.OPEN
                || circuit == CircuitBreaker.State.FORCED_OPEN) {
            return ConnectorState.StateEnum.DOWN;
        }
        boolean failedLast = seen != null && seen.lastFailureAt() != null
                && (seen.lastSuccessAt() == null || seen.lastFailureAt().isAfter(seen.lastSuccessAt()));
        return circuit == CircuitBreaker.State.HALF_OPEN || failedLast ? ConnectorState.StateEnum.DEGRADED
                : ConnectorState.StateEnum.UP;
    }
}
