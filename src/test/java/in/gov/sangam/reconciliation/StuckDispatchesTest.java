package in.gov.sangam.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which applications waiting for their dispatch are stuck. */
class StuckDispatchesTest {

    private static final Instant LONG_AGO = Instant.parse("2026-11-29T04:45:30Z");

    private final WaitingDispatch lost = waiting("SGM-2026-0000001", "health");
    private final WaitingDispatch queued = waiting("SGM-2026-0000002", "health");
    private final WaitingDispatch departmentDown = waiting("SGM-2026-0000003", "revenue");

    @Test
    void oneTheBrokerHoldsNoMessageForIsStuck() {
        assertThat(StuckDispatches.stuck(List.of(lost, queued), Set.of(), Set.of(queued.applicationId())))
                .containsExactly(lost);
    }

    @Test
    void oneWhoseDepartmentsCircuitIsOpenOnlyWaits() {
        assertThat(StuckDispatches.stuck(List.of(lost, departmentDown), Set.of("revenue"), Set.of()))
                .containsExactly(lost);
    }

    @Test
    void noneIsStuckWhenEveryMessageIsInTheBroker() {
        assertThat(StuckDispatches.stuck(List.of(lost, queued), Set.of(),
                Set.of(lost.applicationId(), queued.applicationId()))).isEmpty();
    }

    private static WaitingDispatch waiting(String applicationId, String department) {
        return new WaitingDispatch(applicationId, department + "-service", department, 1, LONG_AGO);
    }
}
