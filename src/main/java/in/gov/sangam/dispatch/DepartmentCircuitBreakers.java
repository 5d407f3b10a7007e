package in.gov.sangam.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Each department's own circuit breaker (resilience4j), configured in its {@code connector.yaml}: one department's
 * outage trips only its own circuit. The connector routes call their department inside Camel's {@code circuitBreaker}
 * EIP, which uses this instance (bound in Camel's registry under {@link #beanName}); the departments list, the health
 * component and the reconciler read its state here.
 */
@Component
public class DepartmentCircuitBreakers {

    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();

    /** A department's circuit breaker as its settings say; a department configured anew gets a new one. */
    public CircuitBreaker configure(ConnectorSettings settings) {
        circuitBreakers.remove(settings.department());
        return circuitBreakers.circuitBreaker(settings.department(), CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(10, settings.minimumCalls()))
                .waitDurationInOpenState(settings.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // A refusal is the department working as it should: it does not count against its circuit.
                .ignoreExceptions(DepartmentRefusedException.class)
                .build());
    }

    /**
     * Hands {@code watcher} each department's circuit breaker: those there now, and each made from now on (a
     * department configured anew gets a new one), so that it can follow every breaker's events (DepartmentOutages).
     */
    public void watch(Consumer<CircuitBreaker> watcher) {
        circuitBreakers.getEventPublisher()
                .onEntryAdded(added -> watcher.accept(added.getAddedEntry()))
                .onEntryReplaced(replaced -> watcher.accept(replaced.getNewEntry()));
        circuitBreakers.getAllCircuitBreakers().forEach(watcher);
    }

    /** A department's circuit breaker as it was before a reload that could not be carried out, its state with it. */
    public void restore(CircuitBreaker circuitBreaker) {
        CircuitBreaker current = circuitBreakers.find(circuitBreaker.getName()).orElse(null);
        if (current == circuitBreaker) {
            return;
        }
        if (current == null) {
            circuitBreakers.circuitBreaker(circuitBreaker.getName(), circuitBreaker::getCircuitBreakerConfig);
        }
        circuitBreakers.replace(circuitBreaker.getName(), circuitBreaker);
    }

    /** A department no longer connected has no circuit breaker. */
    public void remove(String department) {
        circuitBreakers.remove(department);
    }

    public CircuitBreaker circuitBreaker(String department) {
        return circuitBreakers.circuitBreaker(department);
    }

    /** The name under which a department's circuit breaker is in Camel's registry, for its routes. */
    public static String beanName(String department) {
        return "circuitBreaker-" + department;
    }
}
