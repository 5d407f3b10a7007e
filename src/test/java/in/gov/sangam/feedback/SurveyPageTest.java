package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import in.gov.sangam.support.SurveyRows;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The page the survey SMS links to, as a basic phone's browser gets it: plain HTML in the survey's language, a form
 * that posts the answer back, no script, and a clear page when the survey cannot be answered.
 */
@Timeout(120)
class SurveyPageTest extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private SurveyRows surveys;

    @BeforeEach
    void rows() {
        surveys = new SurveyRows(jdbc);
    }

    @Test
    void theFormIsInEnglishWithThreeChoices() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).language("en").insert();

        Answer page = get(token);

        assertPage(page, 200, "en", "ltr");
        assertChoices(page, "Good", "Average", "Bad");
        assertThat(page.response().body()).contains("<form method=\"post\" action=\"" + token + "\"")
                .contains("<textarea id=\"comment\" name=\"comment\"")
                .contains("Domicile Certificate");
    }

    @Test
    void theFormIsInHindi() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).language("hi").insert();

        Answer page = get(token);

        assertPage(page, 200, "hi", "ltr");
        assertChoices(page, "अच्छा", "ठीक", "खराब");
        assertThat(page.response().body()).contains("सेवा को रेटिंग दें");
    }

    @Test
    void theFormIsInUrduWrittenRightToLeft() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).language("ur").insert();

        Answer page = get(token);

        assertPage(page, 200, "ur", "rtl");
        assertChoices(page, "اچھا", "ٹھیک", "خراب");
        assertThat(page.response().body()).contains("خدمت کی ریٹنگ دیں");
    }

    @Test
    void thePostedFormIsRecordedAndThanked() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).language("hi").insert();
        String comment = "100% ठीक & जल्दी + साफ़\r\nदूसरी पंक्ति";

        Answer thanks = post(token, "rating=AVERAGE&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8));

        assertPage(thanks, 200, "hi", "ltr");
        assertThat(thanks.response().body()).contains("धन्यवाद").doesNotContain("<form");
        Map<String, Object> row = surveys.answer(token);
        assertThat(row.get("rating")).isEqualTo("AVERAGE");
        assertThat(row.get("rated_by")).isEqualTo("WEB");
        assertThat(row.get("comment")).isEqualTo(comment);
    }

    @Test
    void aBadRatingOffersAnAppealWhichIsFiledOnceInTheCitizensLanguage() {
        String applicationId = unusedApplicationId();
        String token = surveys.survey(START.minus(Duration.ofDays(1))).application(applicationId).language("ur")
                .insert();

        Answer thanks = post(token, "rating=BAD");

        assertPage(thanks, 200, "ur", "rtl");
        assertThat(thanks.response().body()).contains("<form method=\"post\" action=\"" + token + "/appeal\"")
                .contains("اپیل کریں");
        Answer filed = post(token + "/appeal", "");
        assertPage(filed, 200, "ur", "rtl");
        assertThat(filed.response().body()).contains("اپیل درج ہو گئی");
        assertThat(post(token + "/appeal", "").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT grounds FROM appeal WHERE application_id = :id").param("id", applicationId)
                .query(String.class).list()).containsExactly("DEFICIENT_SERVICE");
    }

    @Test
    void aGoodRatingOffersNoAppealAndAnAppealAskedForAnywayIsRefused() {
        String applicationId = unusedApplicationId();
        String token = surveys.survey(START.minus(Duration.ofDays(1))).application(applicationId).language("en")
                .insert();

        assertThat(post(token, "rating=GOOD").response().body()).doesNotContain("/appeal");
        Answer refused = post(token + "/appeal", "");

        assertPage(refused, 409, "en", "ltr");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appeal WHERE application_id = :id").param("id", applicationId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aFormWithoutARatingIsShownAgainWithWhatWasWrittenAndChangesNothing() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).language("ur").insert();
        Map<String, Object> before = surveys.answer(token);

        Answer again = post(token, "comment=" + URLEncoder.encode("<script>alert(1)</script> جلدی",
                StandardCharsets.UTF_8));

        Answer twoRatings = post(token, "rating=GOOD&rating=BAD");

        assertPage(again, 400, "ur", "rtl");
        assertThat(again.response().body()).contains("براہ کرم اچھا، ٹھیک یا خراب میں سے ایک چنیں۔")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; جلدی</textarea>");
        assertPage(twoRatings, 400, "ur", "rtl");
        assertThat(surveys.answer(token)).isEqualTo(before);
    }

    @Test
    void aCommentOverTheLimitIsShownAgainWithTheRatingChosenAndChangesNothing() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).language("hi").insert();
        Map<String, Object> before = surveys.answer(token);

        // Sent as UTF-8 without percent-escapes, as some clients do.
        Answer again = post(token, "rating=BAD&comment=" + "क".repeat(1001));

        assertPage(again, 400, "hi", "ltr");
        assertThat(again.response().body()).contains("कृपया टिप्पणी 1000 अक्षरों के भीतर रखें।")
                .contains("value=\"BAD\" checked>");
        assertThat(surveys.answer(token)).isEqualTo(before);
    }

    @Test
    void whatTheSurveyHoldsIsEscaped() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).application("<b onclick=x>\"'&</b>").insert();

        Answer page = get(token);

        assertPage(page, 200, "en", "ltr");
        assertThat(page.response().body()).contains("<bdi>&lt;b onclick=x&gt;&quot;&#39;&amp;&lt;/b&gt;</bdi>")
                .doesNotContain("<b ");
    }

    @Test
    void anUnknownTokenGetsAnEnglishNotFoundPage() {
        String pending = surveys.survey(START).language("ur").notSent("PENDING").insert();

        for (String token : new String[] {"AAAAAAAAAAAAAAAA", "not-a-token", pending}) {
            Answer page = get(token);

            assertPage(page, 404, "en", "ltr");
            assertThat(page.response().body()).contains("This survey link is not known").doesNotContain("<form");
        }
        Answer posted = post("AAAAAAAAAAAAAAAA", "rating=GOOD");
        assertPage(posted, 404, "en", "ltr");
    }

    @Test
    void anAnsweredSurveySaysSoInItsLanguageAndKeepsItsAnswer() {
        String token = surveys.survey(START.minus(Duration.ofDays(1))).language("ur")
                .rated("GOOD", "SMS", START.minus(Duration.ofHours(2))).insert();
        Map<String, Object> before = surveys.answer(token);

        Answer page = get(token);
        Answer posted = post(token, "rating=BAD");

        assertPage(page, 409, "ur", "rtl");
        assertThat(page.response().body()).contains("اس خدمت کی ریٹنگ پہلے ہی دی جا چکی ہے۔").doesNotContain("<form");
        assertPage(posted, 409, "ur", "rtl");
        assertThat(surveys.answer(token)).isEqualTo(before);
    }

    @Test
    void aClosedSurveySaysUntilWhenInItsLanguage() {
        // Sent 31 days ago at 10:15:30 India time: it could be answered until 30 days later, the 28th.
        String token = surveys.survey(START.minus(Duration.ofDays(31))).language("hi").insert();
        Map<String, Object> before = surveys.answer(token);

        Answer page = get(token);
        Answer posted = post(token, "rating=GOOD");

        assertPage(page, 410, "hi", "ltr");
        assertThat(page.response().body()).contains("इस सर्वेक्षण का उत्तर 28-11-2026 10:15 तक दिया जा सकता था");
        assertPage(posted, 410, "hi", "ltr");
        assertThat(surveys.answer(token)).isEqualTo(before);
    }

    /** Plain HTML in the language, and nothing that could run: no script in it, none allowed by its policy. */
    private static void assertPage(Answer page, int status, String language, String direction) {
        assertThat(page.status()).as(page.response().body()).isEqualTo(status);
        assertThat(page.header("Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none';")
                .doesNotContain("script-src");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.response().body()).startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"" + language + "\" dir=\"" + direction + "\">")
                .doesNotContainIgnoringCase("<script");
    }

    /** Three radio buttons, one choice among Good, Average and Bad, each labelled in the language. */
    private static void assertChoices(Answer page, String good, String average, String bad) {
        assertThat(page.response().body())
                .contains("<input type=\"radio\" name=\"rating\" id=\"rating-good\" value=\"GOOD\"> " + good + "<")
                .contains("<input type=\"radio\" name=\"rating\" id=\"rating-average\" value=\"AVERAGE\"> "
                        + average + "<")
                .contains("<input type=\"radio\" name=\"rating\" id=\"rating-bad\" value=\"BAD\"> " + bad + "<");
    }

    private Answer get(String token) {
        return hub.raw(HttpRequest.newBuilder().GET(), "/feedback/" + token);
    }

    /** An id in the hub's form that no application has (its appeals show in listings the contract checks). */
    private static String unusedApplicationId() {
        return "SGM-2026-9" + String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private Answer post(String token, String form) {
        return hub.raw(HttpRequest.newBuilder().header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "/feedback/" + token);
    }
}
