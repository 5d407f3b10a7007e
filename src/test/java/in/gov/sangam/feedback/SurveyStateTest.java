package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.feedback.SurveyState.Delivery;
import in.gov.sangam.feedback.SurveyState.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an application shows of its survey, from what feedback's table holds. */
class SurveyStateTest {

    private static final Duration ANSWER_WITHIN = Duration.ofDays(30);
    private static final Duration REPORT_WITHIN = Duration.ofHours(24);
    private static final Instant SENT = Instant.parse("2026-12-02T03:30:00Z");

    @Test
    void aSurveyWaitingOrHandedToTheSenderIsPending() {
        assertThat(state(survey("PENDING", null, null, null), SENT).state()).isEqualTo(State.PENDING);
        assertThat(state(survey("QUEUED", null, null, null), SENT).state()).isEqualTo(State.PENDING);
        assertThat(state(survey("PENDING", null, null, null), SENT).delivery()).isNull();
    }

    @Test
    void aSurveyTheGatewayRefusedIsRefusedWithoutDelivery() {
        SurveyState state = state(survey("REFUSED", null, null, null), SENT);

        assertThat(state.state()).isEqualTo(State.REFUSED);
        assertThat(state.delivery()).isNull();
        assertThat(state.sentAt()).isNull();
    }

    @Test
    void aSentSurveyIsSentUntilItClosesThenExpired() {
        Survey sent = survey("SENT", SENT, "DELIVERED", null);

        assertThat(state(sent, SENT.plus(ANSWER_WITHIN).minusSeconds(1)).state()).isEqualTo(State.SENT);
        assertThat(state(sent, SENT.plus(ANSWER_WITHIN)).state()).isEqualTo(State.EXPIRED);
        assertThat(state(sent, SENT.plus(ANSWER_WITHIN)).sentAt()).isEqualTo(SENT);
    }

    @Test
    void aRatedSurveyIsAnsweredEvenAfterItWouldHaveClosed() {
        Instant ratedAt = SENT.plus(Duration.ofHours(9));
        Survey rated = new Survey(1, "SGM-2026-0000001", "7bQx2LmN9pRt4VwZ", "revenue-domicile-certificate",
                "revenue", "Srinagar", "DELIVERED", "en", "ref", "hash", "SENT", SENT, SENT, "m", "DELIVERED",
                Rating.AVERAGE, null, ratedAt, "SMS", SENT);

        SurveyState state = state(rated, SENT.plus(Duration.ofDays(90)));

        assertThat(state.state()).isEqualTo(State.ANSWERED);
        assertThat(state.rating()).isEqualTo(Rating.AVERAGE);
        assertThat(state.ratedAt()).isEqualTo(ratedAt);
        assertThat(state.ratedBy()).isEqualTo("SMS");
        assertThat(state.delivery()).isEqualTo(Delivery.DELIVERED);
    }

    @Test
    void aDeliveryAwaitedLongerThanReportsTakeIsNotReported() {
        Survey awaited = survey("SENT", SENT, "AWAITED", null);

        assertThat(state(awaited, SENT.plus(REPORT_WITHIN).minusSeconds(1)).delivery()).isEqualTo(Delivery.AWAITED);
        assertThat(state(awaited, SENT.plus(REPORT_WITHIN)).delivery()).isEqualTo(Delivery.NOT_REPORTED);
    }

    @Test
    void aFinalReportStandsHoweverLongAgoTheSmsWent() {
        Instant muchLater = SENT.plus(Duration.ofDays(10));

        assertThat(state(survey("SENT", SENT, "DELIVERED", null), muchLater).delivery()).isEqualTo(Delivery.DELIVERED);
        assertThat(state(survey("SENT", SENT, "UNDELIVERED", null), muchLater).delivery())
                .isEqualTo(Delivery.UNDELIVERED);
    }

    @Test
    void aSentSmsWithNoDeliveryWrittenYetAwaitsItsReport() {
        assertThat(state(survey("SENT", SENT, null, null), SENT).delivery()).isEqualTo(Delivery.AWAITED);
    }

    private static SurveyState state(Survey survey, Instant now) {
        return SurveyState.of(survey, now, ANSWER_WITHIN, REPORT_WITHIN);
    }

    private static Survey survey(String state, Instant sentAt, String delivery, Rating rating) {
        return new Survey(1, "SGM-2026-0000001", "7bQx2LmN9pRt4VwZ", "revenue-domicile-certificate", "revenue",
                "Srinagar", "DELIVERED", "en", "ref", "hash", state, SENT, sentAt, sentAt == null ? null : "m",
                delivery, rating, null, null, null, SENT);
    }
}
