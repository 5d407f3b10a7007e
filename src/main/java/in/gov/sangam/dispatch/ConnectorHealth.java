package in.gov.sangam.dispatch;

import in.gov.sangam.deadletters.LastFailures;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** When each department's system last answered, and the last failure, for the departments list and health. */
@Component
public class ConnectorHealth implements LastFailures {

    /** What is known of a department's system. */
    public record Observation(Instant lastSuccessAt, Instant lastFailureAt, String lastFailure) {
    }

    private final Map<String, Observation> observations = new ConcurrentHashMap<>();
    private final Clock wallClock = Clock.systemUTC();

    public void succeeded(String department) {
        observations.compute(department, (d, before) -> new Observation(wallClock.instant(),
                before == null ? null : before.lastFailureAt(), before == null ? null : before.lastFailure()));
    }

    /** @param reason short and safe to show publicly: what happened, not where (no hosts, no stack messages) */
    public void failed(String department, String reason) {
        observations.compute(department, (d, before) -> new Observation(before == null ? null : before.lastSuccessAt(),
                wallClock.instant(), department + " " + reason));
    }

    @Override
    public Optional<String> lastFailureOf(String department) {
        return of(department).map(Observation::lastFailure);
    }

    public Optional<Observation> of(String department) {
        return Optional.ofNullable(observations.get(department));
    }
}
