package in.gov.sangam.dispatch;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
    private final DepartmentCircuitBreakers circuitBreakers;
    private final ConnectorHealth health;
    private final Environment environment;
    private final Catalogue catalogue;

    public ConnectorStates(Connectors connectors, DepartmentCircuitBreakers circuitBreakers, ConnectorHealth health,
            Environment environment, Catalogue catalogue) {
        this.connectors = connectors;
        this.circuitBreakers = circuitBreakers;
        this.health = health;
        this.environment = environment;
        this.catalogue = catalogue;
    }

    public ConnectorCondition of(String department) {
        ConnectorSettings settings = connectors.find(department).orElse(null);
        if (settings == null) {
            // Removed by a reload a moment ago, while the catalogue still lists it: no connector any more.
            return new ConnectorCondition(catalogue.department(department).map(CatalogueDepartment::protocol)
                    .orElse("rest"), ConnectorCondition.State.DOWN, ConnectorCondition.Circuit.CLOSED, null, null,
                    null);
        }
        CircuitBreaker.State circuit = circuitBreakers.circuitBreaker(department).getState();
        ConnectorHealth.Observation seen = health.of(department).orElse(null);
        return new ConnectorCondition(settings.protocol(), state(department, circuit, seen), switch (circuit) {
            case OPEN, FORCED_OPEN -> ConnectorCondition.Circuit.OPEN;
            case HALF_OPEN -> ConnectorCondition.Circuit.HALF_OPEN;
            default -> ConnectorCondition.Circuit.CLOSED;
        }, seen == null ? null : seen.lastSuccessAt(), seen == null ? null : seen.lastFailure(),
                // Set by the demo (default profile) for a department it simulates; never in production.
                environment.getProperty("sangam.demo.simulated." + department));
    }

    private ConnectorCondition.State state(String department, CircuitBreaker.State circuit,
            ConnectorHealth.Observation seen) {
        if (!connectors.isConnected(department) || circuit == CircuitBreaker.State.OPEN
                || circuit == CircuitBreaker.State.FORCED_OPEN) {
            return ConnectorCondition.State.DOWN;
        }
        boolean failedLast = seen != null && seen.lastFailureAt() != null
                && (seen.lastSuccessAt() == null || seen.lastFailureAt().isAfter(seen.lastSuccessAt()));
        return circuit == CircuitBreaker.State.HALF_OPEN || failedLast ? ConnectorCondition.State.DEGRADED
                : ConnectorCondition.State.UP;
    }
}
