package in.gov.sangam.audit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code auditTrail}: DOWN while committed entries cannot be chained onto the trail
 * (someone wrote a row where the next entry goes, or the database refuses the sealing), with why and since when. The
 * hub still takes changes meanwhile, and their entries wait, so this component is not part of readiness: it tells an
 * operator that the trail needs them, not the load balancer that the hub is gone.
 */
@Component // the bean auditTrailHealthIndicator, seen in /actuator/health as auditTrail
class AuditTrailHealthIndicator implements HealthIndicator {

    private final AuditSealing sealing;

    AuditTrailHealthIndicator(AuditSealing sealing) {
        this.sealing = sealing;
    }

    @Override
    public Health health() {
        long waiting = sealing.waiting();
        return sealing.failure()
                .map(failure -> Health.down()
                        .withDetail("waiting", waiting)
                        .withDetail("failingSince", failure.since().toString())
                        .withDetail("reason", failure.reason()))
                .orElseGet(() -> Health.up().withDetail("waiting", waiting))
                .build();
    }
}
