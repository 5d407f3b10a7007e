package in.gov.sangam.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one state machine, as a table: every pair of statuses, allowed or refused. A step added to or dropped from
 * {@link StatusTransitions} changes one row here.
 */
class StatusTransitionsTest {

    /** The steps the state machine allows; every other pair of statuses is refused. */
    private static final Set<String> ALLOWED = Set.of(
            "SUBMITTED -> FORWARDED",
            "SUBMITTED -> REJECTED",
            "FORWARDED -> IN_PROCESS",
            "FORWARDED -> RETURNED_TO_CITIZEN",
            "FORWARDED -> DELIVERED",
            "FORWARDED -> REJECTED",
            "IN_PROCESS -> RETURNED_TO_CITIZEN",
            "IN_PROCESS -> DELIVERED",
            "IN_PROCESS -> REJECTED",
            "RETURNED_TO_CITIZEN -> IN_PROCESS",
            "RETURNED_TO_CITIZEN -> REJECTED");

    static Stream<Arguments> everyPairOfStatuses() {
        return Stream.of(ApplicationStatus.values()).flatMap(from -> Stream.of(ApplicationStatus.values())
                .map(to -> Arguments.of(from, to, ALLOWED.contains(from + " -> " + to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPairOfStatuses")
    void eachStepIsAllowedOrRefusedAsTheTableSays(ApplicationStatus from, ApplicationStatus to, boolean allowed) {
        assertThat(StatusTransitions.isAllowed(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {0} is refused")
    @EnumSource(ApplicationStatus.class)
    void noStatusStepsToItself(ApplicationStatus status) {
        // A repeated report of the same status is not a step; whoever applies it must treat it as a repeat.
        assertThat(StatusTransitions.isAllowed(status, status)).isFalse();
    }

    @ParameterizedTest(name = "{0} final: {1}")
    @CsvSource({
        "SUBMITTED,           false",
        "FORWARDED,           false",
        "IN_PROCESS,          false",
        "RETURNED_TO_CITIZEN, false",
        "DELIVERED,           true",
        "REJECTED,            true"})
    void onlyDeliveredAndRejectedAreFinal(ApplicationStatus status, boolean isFinal) {
        assertThat(StatusTransitions.isFinal(status)).isEqualTo(isFinal);
        assertThat(StatusTransitions.next(status).isEmpty()).isEqualTo(isFinal);
    }

    @ParameterizedTest(name = "after {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SUBMITTED           | FORWARDED REJECTED",
        "FORWARDED           | IN_PROCESS RETURNED_TO_CITIZEN DELIVERED REJECTED",
        "IN_PROCESS          | RETURNED_TO_CITIZEN DELIVERED REJECTED",
        "RETURNED_TO_CITIZEN | IN_PROCESS REJECTED",
        "DELIVERED           | ''",
        "REJECTED            | ''"})
    void nextListsTheAllowedStepsAndIsTheCallersOwnCopy(ApplicationStatus from, String next) {
        Set<ApplicationStatus> expected = next.isBlank() ? EnumSet.noneOf(ApplicationStatus.class)
                : Stream.of(next.split(" ")).map(ApplicationStatus::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApplicationStatus.class)));

        Set<ApplicationStatus> steps = StatusTransitions.next(from);
        assertThat(steps).isEqualTo(expected);

        steps.add(ApplicationStatus.SUBMITTED);
        assertThat(StatusTransitions.next(from)).isEqualTo(expected);
    }
}
