package in.gov.sangam.deadletters;

import java.util.Optional;

/**
 * The last failure a department's connector saw, if any: named in a dead letter's reason so an operator sees why the
 * broker gave up. Provided by the connectors, which depend on dead letters and not the other way round.
 */
public interface LastFailures {

    Optional<String> lastFailureOf(String department);
}
