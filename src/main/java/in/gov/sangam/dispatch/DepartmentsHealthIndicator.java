package in.gov.sangam.dispatch;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code departments}: each department's connector state. It stays UP as long
 * as the hub can accept applications, whatever the departments do: a department that is down delays only its own
 * applications, so it must not take the hub out of the load balancer.
 */
@Component("departments")
class DepartmentsHealthIndicator implements HealthIndicator {

    private final Catalogue catalogue;
    private final ConnectorStates states;

    DepartmentsHealthIndicator(Catalogue catalogue, ConnectorStates states) {
        this.catalogue = catalogue;
        this.states = states;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (CatalogueDepartment department : catalogue.departments()) {
            ConnectorCondition state = states.of(department.code());
            health.withDetail(department.code(), state.state() + " (" + state.protocol() + ", circuit "
                    + state.circuit() + ")");
        }
        return health.build();
    }
}
