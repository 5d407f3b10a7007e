package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.appeal.DepartmentOutageHistory.Outage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nodes' outages made into the periods a department was down: clipped to the period asked about, a period when
 * any node saw it down, ordered by start. Times are hours of one day, so each case reads as a timeline.
 */
class OutagePeriodsTest {

    private static final Instant FROM = at(6);
    private static final Instant TO = at(18);

    @Test
    void noOutageIsNoPeriod() {
        assertThat(OutagePeriods.merge(List.of(), FROM, TO)).isEmpty();
    }

    @Test
    void anOutageWithinThePeriodIsKeptAsItIs() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 8, 9, "health answered 503")), FROM, TO))
                .containsExactly(new Outage(at(8), at(9), "health answered 503"));
    }

    @Test
    void anOutageReachingOverEitherEndIsClippedToThePeriod() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 4, 7, "early"), seen("a", 17, 20, "late")), FROM, TO))
                .containsExactly(new Outage(at(6), at(7), "early"), new Outage(at(17), at(18), "late"));
    }

    @Test
    void anOutageGoingOnEndsWhereThePeriodEnds() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 15, null, "health could not be reached")), FROM, TO))
                .containsExactly(new Outage(at(15), at(18), "health could not be reached"));
    }

    @Test
    void outagesWhollyOutsideThePeriodOrEndingAtItsStartAreLeftOut() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 2, 6, "before"), seen("a", 18, 19, "after"),
                seen("a", 20, null, "after, going on")), FROM, TO)).isEmpty();
    }

    @Test
    void twoNodesOverlappingMakeOnePeriodFromTheFirstStartToTheLastEnd() {
        assertThat(OutagePeriods.merge(List.of(seen("b", 9, 12, "health answered 503"),
                seen("a", 8, 10, "health answered 503")), FROM, TO))
                .containsExactly(new Outage(at(8), at(12), "health answered 503"));
    }

    @Test
    void anyNodeDownIsEnoughAndEachDistinctReasonIsGivenInOrder() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 8, 11, "health answered 503"),
                seen("b", 9, 10, "health could not be reached"), seen("c", 10, 12, "health answered 503")),
                FROM, TO))
                .containsExactly(new Outage(at(8), at(12), "health answered 503; health could not be reached"));
    }

    @Test
    void oneOutageEndingAsAnotherBeginsIsOnePeriodButAGapKeepsThemApart() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 8, 9, "x"), seen("b", 9, 10, "x"), seen("a", 11, 12, "y")),
                FROM, TO))
                .containsExactly(new Outage(at(8), at(10), "x"), new Outage(at(11), at(12), "y"));
    }

    @Test
    void anOutageWhollyInsideAnotherChangesNothingButItsReason() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 8, 14, "x"), seen("b", 9, 10, "y"), seen("b", 15, 16, "z")),
                FROM, TO))
                .containsExactly(new Outage(at(8), at(14), "x; y"), new Outage(at(15), at(16), "z"));
    }

    @Test
    void anOutageGoingOnAbsorbsTheLaterOnes() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 8, null, "x"), seen("b", 12, 13, "x")), FROM, TO))
                .containsExactly(new Outage(at(8), at(18), "x"));
    }

    @Test
    void anOutageWhoseEndWasNotSeenSaysSo() {
        assertThat(OutagePeriods.merge(List.of(new NodeOutage("a", at(8), at(9), "health answered 503", false)),
                FROM, TO))
                .containsExactly(new Outage(at(8), at(9), "health answered 503" + OutagePeriods.END_NOT_SEEN));
    }

    @Test
    void anEmptyPeriodHasNoOutage() {
        assertThat(OutagePeriods.merge(List.of(seen("a", 8, null, "x")), at(10), at(10))).isEmpty();
    }

    private static NodeOutage seen(String node, int fromHour, Integer toHour, String reason) {
        return new NodeOutage(node, at(fromHour), toHour == null ? null : at(toHour), reason, true);
    }

    private static Instant at(int hour) {
        return Instant.parse("2026-11-29T00:00:00Z").plusSeconds(hour * 3600L);
    }
}
