package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import in.gov.sangam.support.SurveyRows;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approval figures on a data set whose answers are known: March 2031 (a month no other test writes surveys in),
 * ten surveys inside it and one either side of it, each day read in India's time.
 */
@Timeout(120)
class FeedbackSummaryTest extends HubIntegrationTest {

    private static final String MARCH = "from=2031-03-01&to=2031-03-31";
    private static final String DOMICILE = "revenue-domicile-certificate";
    private static final String INCOME = "revenue-income-certificate";
    private static final String BIRTH = "health-birth-registration";
    /** The shared hub keeps its database for the whole run: the data set goes in once. */
    private static boolean written;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void theDataSet() {
        if (written) {
            return;
        }
        SurveyRows surveys = new SurveyRows(jdbc);
        // Midnight opening 1 March, India time (18:30 UTC the day before): inside.
        surveys.survey(ist("2031-03-01T00:00:00")).delivery("DELIVERED").rated("GOOD", "SMS", null).insert();
        surveys.survey(ist("2031-03-05T12:00:00")).delivery("DELIVERED").rated("GOOD", "WEB", null).insert();
        surveys.survey(ist("2031-03-10T12:00:00")).district("Jammu").delivery("DELIVERED")
                .rated("AVERAGE", "SMS", null).insert();
        surveys.survey(ist("2031-03-11T12:00:00")).district("Jammu").delivery("UNDELIVERED").insert();
        surveys.survey(ist("2031-03-12T12:00:00")).service("revenue", INCOME).delivery("DELIVERED")
                .rated("BAD", "SMS", null).insert();
        // The last second of 31 March, India time: inside.
        surveys.survey(ist("2031-03-31T23:59:59")).service("revenue", INCOME).insert();
        surveys.survey(ist("2031-03-15T12:00:00")).service("health", BIRTH).delivery("DELIVERED")
                .rated("GOOD", "WEB", null).insert();
        surveys.survey(ist("2031-03-20T12:00:00")).service("health", BIRTH).district("Jammu").delivery("DELIVERED")
                .insert();
        surveys.survey(ist("2031-03-21T12:00:00")).service("health", BIRTH).district("Jammu").notSent("PENDING")
                .insert();
        surveys.survey(ist("2031-03-22T12:00:00")).service("health", BIRTH).notSent("REFUSED").insert();
        // Either side of March, by a second, India time.
        surveys.survey(ist("2031-02-28T23:59:59")).delivery("DELIVERED").rated("BAD", "SMS", null).insert();
        surveys.survey(ist("2031-04-01T00:00:00")).delivery("DELIVERED").rated("BAD", "SMS", null).insert();
        written = true;
    }

    @Test
    void aMonthsFiguresCountEverySurveyCompletedInIt() {
        JsonNode march = summary(MARCH);

        assertFigures(march, 8, 6, 5, 3, 1, 1);
        assertThat(march.path("responseRate").asDouble()).isEqualTo(0.625);
        assertThat(march.path("approval").asDouble()).isEqualTo(0.8);
    }

    @Test
    void eachFilterNarrowsTheFigures() {
        JsonNode revenue = summary(MARCH + "&department=revenue");
        assertFigures(revenue, 6, 4, 4, 2, 1, 1);
        assertThat(revenue.path("responseRate").asDouble()).isEqualTo(4.0 / 6);
        assertThat(revenue.path("approval").asDouble()).isEqualTo(0.75);

        JsonNode domicile = summary(MARCH + "&serviceCode=" + DOMICILE);
        assertFigures(domicile, 4, 3, 3, 2, 1, 0);
        assertThat(domicile.path("responseRate").asDouble()).isEqualTo(0.75);
        assertThat(domicile.path("approval").asDouble()).isEqualTo(1.0);

        JsonNode jammu = summary(MARCH + "&district=Jammu");
        assertFigures(jammu, 3, 2, 1, 0, 1, 0);
        assertThat(jammu.path("responseRate").asDouble()).isEqualTo(1.0 / 3);

        JsonNode healthInSrinagar = summary(MARCH + "&department=health&district=Srinagar");
        assertFigures(healthInSrinagar, 1, 1, 1, 1, 0, 0);
        assertThat(healthInSrinagar.path("approval").asDouble()).isEqualTo(1.0);
    }

    @Test
    void bothDaysOfThePeriodCountWholeInIndiasTime() {
        assertFigures(summary("from=2031-03-01&to=2031-03-01"), 1, 1, 1, 1, 0, 0);
        assertFigures(summary("from=2031-02-28&to=2031-02-28"), 1, 1, 1, 0, 0, 1);
        assertFigures(summary("from=2031-03-31&to=2031-03-31"), 1, 0, 0, 0, 0, 0);
        assertFigures(summary("from=2031-04-01&to=2031-04-01"), 1, 1, 1, 0, 0, 1);
        assertFigures(summary("from=2031-02-28&to=2031-04-01"), 10, 8, 7, 3, 1, 3);
    }

    @Test
    void withoutSurveysTheFractionsAreNull() {
        JsonNode nothing = summary("from=2031-05-01&to=2031-05-31");

        assertFigures(nothing, 0, 0, 0, 0, 0, 0);
        assertThat(nothing.get("responseRate").isNull()).isTrue();
        assertThat(nothing.get("approval").isNull()).isTrue();
    }

    @Test
    void withoutAnswersTheApprovalIsNull() {
        JsonNode unanswered = summary("from=2031-03-31&to=2031-03-31");

        assertThat(unanswered.path("responseRate").asDouble()).isEqualTo(0.0);
        assertThat(unanswered.get("approval").isNull()).isTrue();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNamingBothDays() {
        Answer answer = hub.get("/api/v1/feedback/summary?from=2031-03-31&to=2031-03-01", "admin");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:invalid-request");
        assertThat(answer.json().path("detail").asText()).contains("from (2031-03-31)").contains("to (2031-03-01)");
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly("from", "to");
    }

    @Test
    void onlyAdministratorsSeeTheFigures() {
        Answer portal = hub.get("/api/v1/feedback/summary?" + MARCH, "portal");
        Answer department = hub.get("/api/v1/feedback/summary?" + MARCH, "dept-revenue");
        Answer anonymous = hub.get("/api/v1/feedback/summary?" + MARCH, null);

        assertThat(portal.status()).isEqualTo(403);
        assertThat(portal.json().path("type").asText()).isEqualTo("urn:sangam:problem:forbidden");
        assertThat(department.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private JsonNode summary(String query) {
        Answer answer = hub.get("/api/v1/feedback/summary?" + query, "admin");
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.json();
    }

    private static void assertFigures(JsonNode figures, long sent, long delivered, long responses, long good,
            long average, long bad) {
        assertThat(figures.path("surveysSent").asLong()).as("surveysSent").isEqualTo(sent);
        assertThat(figures.path("delivered").asLong()).as("delivered").isEqualTo(delivered);
        assertThat(figures.path("responses").asLong()).as("responses").isEqualTo(responses);
        assertThat(figures.path("good").asLong()).as("good").isEqualTo(good);
        assertThat(figures.path("average").asLong()).as("average").isEqualTo(average);
        assertThat(figures.path("bad").asLong()).as("bad").isEqualTo(bad);
    }

    private static java.time.Instant ist(String localTime) {
        return LocalDateTime.parse(localTime).atZone(IST).toInstant();
    }
}
