package in.gov.sangam.dispatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Each department's calls go through its own retry (exponential back-off, transient failures only) and its own
 * circuit breaker (resilience4j), configured in its {@code connector.yaml}: one department's outage trips only its
 * own circuit and ties up nothing the others need.
 */
@Component
public class DepartmentResilience {

    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();

    public void configure(ConnectorSettings settings) {
        circuitBreakers.circuitBreaker(settings.department(), CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(10, settings.minimumCalls()))
                .waitDurationInOpenState(settings.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // A refusal is the department working as it should: it does not count against its circuit.
                .ignoreExceptions(DepartmentRefusedException.class)
                .build());
        retries.put(settings.department(), Retry.of(settings.department(), RetryConfig.custom()
                .maxAttempts(settings.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryInitialDelay(),
                        settings.retryMultiplier(), settings.retryMaxDelay()))
                .retryExceptions(DepartmentUnavailableException.class)
                .build()));
    }

    /** Calls the department through its circuit breaker, retrying transient failures with back-off. */
    public <T> T call(String department, Supplier<T> call) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker(department), call);
        return Retry.decorateSupplier(retries.get(department), guarded).get();
    }

    public CircuitBreaker circuitBreaker(String department) {
        return circuitBreakers.circuitBreaker(department);
    }
}
