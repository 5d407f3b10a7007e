package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import in.gov.sangam.support.SurveyRows;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The survey link's rating through the API ({@code rateService}): answered once, while open, by whoever holds the
 * token; and the application showing where its survey stands. Every answer is checked against the contract.
 */
@Timeout(120)
class RateServiceTest extends HubIntegrationTest {

    private static final String GOOD = "{\"rating\": \"GOOD\", \"comment\": \"Got the certificate in a week.\"}";

    @Autowired
    JdbcClient jdbc;

    private SurveyRows surveys;

    @BeforeEach
    void rows() {
        surveys = new SurveyRows(jdbc);
    }

    @Test
    void anOpenSurveyIsRatedOnceByItsToken() {
        Instant sentAt = START.minus(Duration.ofDays(2));
        String token = surveys.survey(sentAt).delivery("DELIVERED").insert();

        Answer answer = rate(token, GOOD);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("state").asText()).isEqualTo("ANSWERED");
        assertThat(answer.json().path("rating").asText()).isEqualTo("GOOD");
        assertThat(answer.json().path("ratedBy").asText()).isEqualTo("WEB");
        assertThat(answer.json().path("delivery").asText()).isEqualTo("DELIVERED");
        assertThat(answer.json().path("sentAt").asText()).isEqualTo("2026-11-27T10:15:30+05:30");
        assertThat(answer.json().path("ratedAt").asText()).isEqualTo("2026-11-29T10:15:30+05:30");
        Map<String, Object> row = surveys.answer(token);
        assertThat(row.get("rating")).isEqualTo("GOOD");
        assertThat(row.get("rated_by")).isEqualTo("WEB");
        assertThat(row.get("comment")).isEqualTo("Got the certificate in a week.");
    }

    @Test
    void aCommentIsOptional() {
        String token = surveys.survey(START.minus(Duration.ofHours(3))).insert();

        Answer answer = rate(token, "{\"rating\": \"BAD\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("rating").asText()).isEqualTo("BAD");
        assertThat(surveys.answer(token).get("comment")).isNull();
    }

    @Test
    void aSecondAnswerIsRefusedAndTheFirstStands() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).insert();
        assertThat(rate(token, GOOD).status()).isEqualTo(200);
        Map<String, Object> first = surveys.answer(token);

        Answer again = rate(token, "{\"rating\": \"BAD\", \"comment\": \"Changed my mind\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:sangam:problem:survey-answered");
        assertThat(surveys.answer(token)).isEqualTo(first);
    }

    @Test
    void aSurveyAnsweredBySmsCannotBeRatedOnTheWeb() {
        String token = surveys.survey(START.minus(Duration.ofDays(1)))
                .rated("AVERAGE", "SMS", START.minus(Duration.ofHours(20))).insert();
        Map<String, Object> before = surveys.answer(token);

        Answer answer = rate(token, GOOD);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(surveys.answer(token)).isEqualTo(before);
    }

    @Test
    void aSurveyPastItsAnsweringTimeIsGoneAndSaysUntilWhen() {
        // Sent 30 days and one second ago: closed a second ago (sangam.feedback.answer-within).
        Instant sentAt = START.minus(Duration.ofDays(30)).minusSeconds(1);
        String token = surveys.survey(sentAt).insert();
        Map<String, Object> before = surveys.answer(token);

        Answer answer = rate(token, GOOD);

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:survey-expired");
        assertThat(answer.json().path("detail").asText()).contains("until 2026-11-29T10:15:29+05:30");
        assertThat(surveys.answer(token)).isEqualTo(before);
    }

    @Test
    void aSurveyStillOpenInItsLastSecondTakesTheAnswer() {
        String token = surveys.survey(START.minus(Duration.ofDays(30)).plusSeconds(1)).insert();

        assertThat(rate(token, GOOD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownTokenAndASurveyNotSentYetAreAnsweredAlike() {
        String pending = surveys.survey(START).notSent("PENDING").insert();
        String refused = surveys.survey(START).notSent("REFUSED").insert();
        Map<String, Object> before = surveys.answer(pending);

        Answer unknown = rate("AAAAAAAAAAAAAAAA", GOOD);
        Answer notSent = rate(pending, GOOD);
        Answer notDelivered = rate(refused, GOOD);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:sangam:problem:not-found");
        assertThat(notSent.status()).isEqualTo(404);
        assertThat(notDelivered.status()).isEqualTo(404);
        assertThat(notSent.response().body().replace(pending, "TOKEN"))
                .isEqualTo(unknown.response().body().replace("AAAAAAAAAAAAAAAA", "TOKEN"));
        assertThat(surveys.answer(pending)).isEqualTo(before);
    }

    @Test
    void aBadAnswerNamesTheFieldAndChangesNothing() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).insert();
        Map<String, Object> before = surveys.answer(token);

        Answer noRating = rate(token, "{\"comment\": \"no rating\"}");
        Answer notARating = rate(token, "{\"rating\": \"EXCELLENT\"}");
        Answer tooLong = rate(token, "{\"rating\": \"GOOD\", \"comment\": \"" + "x".repeat(1001) + "\"}");

        assertThat(noRating.status()).isEqualTo(400);
        assertThat(noRating.response().body()).contains("rating");
        assertThat(notARating.status()).isEqualTo(400);
        assertThat(notARating.response().body()).contains("rating");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.response().body()).contains("comment");
        assertThat(surveys.answer(token)).isEqualTo(before);
    }

    @Test
    void anApplicationShowsItsSurveyOnceItHasOne() {
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "revenue-domicile-certificate")).json().path("applicationId").asText();
        assertThat(hub.get("/api/v1/applications/" + id, "portal").json().has("feedback")).isFalse();

        Instant sentAt = START.minus(Duration.ofHours(25));
        String token = surveys.survey(START.minus(Duration.ofDays(2))).application(id).sentAt(sentAt).insert();
        JsonNode feedback = hub.get("/api/v1/applications/" + id, "portal").json().path("feedback");

        // No final delivery report 25 hours after sending (sangam.sms.delivery-report-within: 24h).
        assertThat(feedback.path("state").asText()).isEqualTo("SENT");
        assertThat(feedback.path("delivery").asText()).isEqualTo("NOT_REPORTED");
        assertThat(feedback.path("sentAt").asText()).isEqualTo("2026-11-28T09:15:30+05:30");
        assertThat(feedback.has("rating")).isFalse();

        rate(token, "{\"rating\": \"AVERAGE\"}");
        feedback = hub.get("/api/v1/applications/" + id, "admin").json().path("feedback");

        assertThat(feedback.path("state").asText()).isEqualTo("ANSWERED");
        assertThat(feedback.path("rating").asText()).isEqualTo("AVERAGE");
        assertThat(feedback.path("ratedBy").asText()).isEqualTo("WEB");
        assertThat(feedback.path("ratedAt").asText()).isEqualTo("2026-11-29T10:15:30+05:30");
    }

    @Test
    void anApplicationShowsEachStateOfItsSurvey() {
        assertThat(feedbackOf(surveys.survey(START).notSent("PENDING")).path("state").asText()).isEqualTo("PENDING");
        assertThat(feedbackOf(surveys.survey(START).notSent("QUEUED")).path("state").asText()).isEqualTo("PENDING");
        JsonNode refused = feedbackOf(surveys.survey(START).notSent("REFUSED"));
        assertThat(refused.path("state").asText()).isEqualTo("REFUSED");
        assertThat(refused.has("delivery")).isFalse();
        JsonNode expired = feedbackOf(surveys.survey(START.minus(Duration.ofDays(31))).delivery("UNDELIVERED"));
        assertThat(expired.path("state").asText()).isEqualTo("EXPIRED");
        assertThat(expired.path("delivery").asText()).isEqualTo("UNDELIVERED");
        JsonNode awaited = feedbackOf(surveys.survey(START.minus(Duration.ofHours(1))));
        assertThat(awaited.path("state").asText()).isEqualTo("SENT");
        assertThat(awaited.path("delivery").asText()).isEqualTo("AWAITED");
    }

    private JsonNode feedbackOf(SurveyRows.Survey survey) {
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration")).json().path("applicationId").asText();
        survey.application(id).insert();
        Answer answer = hub.get("/api/v1/applications/" + id, "portal");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("feedback");
    }

    private Answer rate(String token, String body) {
        return hub.call("POST", "/api/v1/feedback/" + token, null, body);
    }
}
