package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import in.gov.sangam.demo.SmsGatewaySimulator;
import in.gov.sangam.privacy.CitizenDataCipher;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.CompletionEvents;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * The survey loop through the demo's SMS gateway (WireMock speaking Kannel's API, over real HTTP): an application
 * reaching its final status gets exactly one SMS in its citizen's language, however often the final status or its
 * event arrives; the gateway's delivery report is recorded; the citizen's reply is counted, STOP opts the number
 * out; what the gateway refuses is a dead letter that says why.
 */
class SurveySmsTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEALTH_CALLBACK = "/api/v1/departments/health/status-updates";

    @Autowired
    SmsGatewaySimulator gateway;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    JmsTemplate jms;

    @Autowired
    CitizenDataCipher cipher;

    private CompletionEvents events;

    @BeforeEach
    void readEvents() {
        events = new CompletionEvents(jdbc);
    }

    @Test
    void aDeliveredApplicationGetsExactlyOneSmsInItsCitizensLanguageHoweverOftenItsCompletionArrives() throws Exception {
        String number = newNumber();
        String id = submit(number, "hi");
        report(id, "{\"status\": \"REG\"}");
        report(id, "{\"status\": \"APR\", \"remark\": \"Certificate issued.\"}");
        // The final status again: changes nothing.
        assertThat(report(id, "{\"status\": \"APR\"}").json().path("changed").asBoolean()).isFalse();
        // The completion event again, under its own id and under another (as a republish would).
        String eventId = events.eventIds(id).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1);
        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("completion-feedback").whenDone(2).create();
        events.sendAgain(jms, "feedback", eventId, id);
        events.sendAgain(jms, "feedback", UUID.randomUUID().toString(), id);
        await().atMost(Duration.ofSeconds(30)).until(taken::matches);

        LoggedRequest sms = await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(number), sent -> !sent.isEmpty()).get(0);
        assertThat(sms.queryParameter("coding").firstValue()).isEqualTo("2");
        assertThat(sms.queryParameter("charset").firstValue()).isEqualTo("UTF-8");
        assertThat(sms.queryParameter("from").firstValue()).isEqualTo("SANGAM");
        String text = sms.queryParameter("text").firstValue();
        assertThat(text).contains(id).contains("अच्छा").contains("/feedback/" + survey(id).get("TOKEN"));
        assertThat(SmsText.of(text).parts()).isLessThanOrEqualTo(2);
        // The gateway reports it delivered, at the URL with the SMS's own token.
        assertThat(sms.queryParameter("dlr-url").firstValue())
                .contains("/api/v1/feedback/sms-deliveries/" + survey(id).get("MESSAGE_TOKEN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(survey(id).get("DELIVERY")));
        assertThat(survey(id)).containsEntry("STATE", "SENT").containsEntry("SMS_ENCODING", "UCS_2");

        // The survey's SMS message once more (as a broker redelivery or a replay brings it): the survey was sent.
        NotifyBuilder again = new NotifyBuilder(camel).fromRoute("feedback-sms-sender").whenDone(1).create();
        jms.convertAndSend("sangam.sms.outgoing", "{\"surveyId\": " + survey(id).get("SURVEY_ID") + "}");
        await().atMost(Duration.ofSeconds(30)).until(again::matches);

        // Once everything queued for the gateway is gone, there was one SMS, from one survey, queued once.
        await().atMost(Duration.ofSeconds(30)).until(() -> queued("sangam.sms.outgoing") == 0);
        assertThat(smsTo(number)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE aggregate_id = :id AND message_type = "
                + "'SurveySmsRequested'").param("id", id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSurveyDueInTheQuietHoursGoesOutWhenTheyEnd() {
        // 22:30 in India: within the default quiet hours (21:00-08:00).
        clock.set(ZonedDateTime.of(2026, 11, 30, 22, 30, 0, 0, IST).toInstant());
        String number = newNumber();
        String id = delivered(number, "en");
        await().atMost(Duration.ofSeconds(30)).until(() -> !survey(id).isEmpty());

        assertThat(survey(id)).containsEntry("STATE", "PENDING");
        assertThat(((java.time.OffsetDateTime) survey(id).get("SEND_AFTER")).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, IST).toInstant());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smsTo(number).isEmpty());

        clock.set(ZonedDateTime.of(2026, 12, 1, 8, 0, 1, 0, IST).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(number).size() == 1);
    }

    @Test
    void anEnglishSurveyGoesAsGsm7() {
        String number = newNumber();
        String id = delivered(number, "en");

        LoggedRequest sms = await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(number), sent -> !sent.isEmpty()).get(0);
        assertThat(sms.queryParameter("coding").firstValue()).isEqualTo("0");
        assertThat(sms.queryParameter("text").firstValue()).contains(id).contains("Reply 1 Good, 2 Average, 3 Bad");
    }

    @Test
    void aRejectionGetsTheOtherWording() {
        String number = newNumber();
        String id = submit(number, "en");
        report(id, "{\"status\": \"REJ\", \"reason\": \"The birth is registered already.\"}");

        LoggedRequest sms = await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(number), sent -> !sent.isEmpty()).get(0);
        assertThat(sms.queryParameter("text").firstValue()).contains(id).contains("was not approved");
    }

    @Test
    void aCitizensReplyThroughTheGatewayRatesTheSurveyAndStopOptsTheNumberOut() throws Exception {
        String number = newNumber();
        String id = delivered(number, "ur");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(survey(id).get("STATE")));

        citizenReplies(number, "۲");
        await().atMost(Duration.ofSeconds(30)).until(() -> "AVERAGE".equals(survey(id).get("RATING")));
        assertThat(survey(id)).containsEntry("RATED_BY", "SMS");

        // A second rating finds nothing open; STOP opts the number out of the next survey.
        citizenReplies(number, "STOP");
        await().atMost(Duration.ofSeconds(30)).until(() -> optedOut(number));
        String next = delivered(number, "ur");
        String eventId = events.eventIds(next).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_survey WHERE application_id = :id").param("id", next)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCitizenWhoRatedTheServiceBadAsksForAnAppealByReplyingAppeal() {
        String number = newNumber();
        String id = delivered(number, "hi");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(survey(id).get("STATE")));
        assertThat(reply(number, "APPEAL")).as("nothing rated bad yet").isEqualTo("UNMATCHED");

        assertThat(reply(number, "3")).isEqualTo("RATED");
        assertThat(reply(number, "अपील")).isEqualTo("APPEAL_REQUESTED");
        // Asked twice: one appeal.
        assertThat(reply(number, "APPEAL")).isEqualTo("APPEAL_REQUESTED");

        var appeals = hub.get("/api/v1/applications/" + id, "admin").json().path("appeals");
        assertThat(appeals).hasSize(1);
        assertThat(appeals.get(0).path("grounds").asText()).isEqualTo("DEFICIENT_SERVICE");
        assertThat(appeals.get(0).path("appealId").asText()).endsWith("-1D");
        assertThat(appeals.get(0).path("authority").asText()).isEqualTo("Block Medical Officer");
    }

    @Test
    void aReplyThatIsNoRatingIsKeptAsAComment() {
        String number = newNumber();
        String id = delivered(number, "en");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(survey(id).get("STATE")));

        Answer answer = hub.post("/api/v1/feedback/sms-replies", "sms-gateway", null, "application/json",
                "{\"from\": \"" + number + "\", \"text\": \"The clerk asked for a bribe\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("outcome").asText()).isEqualTo("COMMENTED");
        assertThat(survey(id)).containsEntry("COMMENT", "The clerk asked for a bribe").containsEntry("RATING", null);
        // ...and the rating that follows is counted.
        assertThat(hub.post("/api/v1/feedback/sms-replies", "sms-gateway", null, "application/json",
                "{\"from\": \"" + number + "\", \"text\": \"3\"}").json().path("outcome").asText()).isEqualTo("RATED");
        assertThat(survey(id)).containsEntry("RATING", "BAD");
    }

    @Test
    void kannelsReplyCallTakesOnlyTheGatewaysBasicCredentials() throws Exception {
        String path = "/api/v1/feedback/sms-replies/kannel?from=919000000001&text=1";

        assertThat(kannelReply(path, "sms-gateway:sms-gateway-secret").statusCode()).isEqualTo(200);
        assertThat(kannelReply(path, "sms-gateway:wrong").statusCode()).isEqualTo(401);
        assertThat(kannelReply(path, null).statusCode()).isEqualTo(401);
        // A bearer token of another client does not open it, nor the gateway's own bearer token: Basic only.
        assertThat(hub.call("GET", path, hub.token("portal"), null).status()).isEqualTo(403);
        assertThat(hub.call("GET", path, hub.token("sms-gateway"), null).status()).isEqualTo(403);
        // ...and the gateway's Basic credentials open nothing else.
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/admin/dead-letters"))
                .header("Authorization", basic("sms-gateway:sms-gateway-secret")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void aDeliveryReportForAnUnknownSmsIsNotFoundAndAFinalReportIsNotUndone() {
        assertThat(hub.call("GET", "/api/v1/feedback/sms-deliveries/AAAAAAAAAAAAAAAA?type=1", null, null).status())
                .isEqualTo(404);

        String number = newNumber();
        String id = delivered(number, "en");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(survey(id).get("DELIVERY")));
        String token = (String) survey(id).get("MESSAGE_TOKEN");
        Answer late = hub.call("GET", "/api/v1/feedback/sms-deliveries/" + token + "?type=16", null, null);

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().path("delivery").asText()).isEqualTo("DELIVERED");
        assertThat(survey(id)).containsEntry("DELIVERY", "DELIVERED");
    }

    @Test
    void whatTheGatewayRefusesIsADeadLetterThatSaysWhyAndCanBeReplayed() {
        // The simulated gateway refuses a number no phone has, as Kannel refuses an invalid receiver.
        String id = delivered("+919000000000", "en");

        var letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(id), found -> found != null);
        assertThat(letter.path("source").asText()).isEqualTo("sms-gateway");
        assertThat(letter.path("reason").asText()).contains("Invalid receiver number").contains("400");
        assertThat(survey(id)).containsEntry("STATE", "REFUSED");

        // Replayed, it goes to the gateway again (which refuses it again: the number is still wrong).
        int before = smsTo("+919000000000").size();
        assertThat(hub.post("/api/v1/admin/dead-letters/" + letter.path("id").asLong() + "/replay", "admin", null,
                "application/json", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo("+919000000000").size() > before);
    }

    // ---- helpers ----

    private String reply(String number, String text) {
        Answer answer = hub.post("/api/v1/feedback/sms-replies", "sms-gateway", null, "application/json",
                JSON.createObjectNode().put("from", number).put("text", text).toString());
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.json().path("outcome").asText();
    }

    private static String newNumber() {
        return "+919" + String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    }

    private String submit(String number, String language) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Applications.forService(hub, "health-birth-registration"));
            ((ObjectNode) body.path("applicant")).put("mobile", number).put("language", language);
            Answer answer = hub.submit("portal", UUID.randomUUID().toString(), body.toString());
            assertThat(answer.status()).isEqualTo(201);
            return answer.json().path("applicationId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String delivered(String number, String language) {
        String id = submit(number, language);
        report(id, "{\"status\": \"REG\"}");
        report(id, "{\"status\": \"APR\", \"remark\": \"Certificate issued.\"}");
        return id;
    }

    private Answer report(String id, String update) {
        Answer answer = hub.post(HEALTH_CALLBACK, "dept-health", null, "application/json",
                "{\"applicationId\": \"" + id + "\", " + update.substring(1));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer;
    }

    /** The sendsms requests the gateway got for this number. */
    private List<LoggedRequest> smsTo(String number) {
        String to = "91" + number.substring(number.length() - 10);
        return gateway.server().getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> request.getUrl().startsWith("/cgi-bin/sendsms"))
                .filter(request -> to.equals(request.queryParameter("to").firstValue()))
                .map(LoggedRequest.class::cast)
                .toList();
    }

    /** The application's survey row, or an empty map while it has none. */
    private Map<String, Object> survey(String applicationId) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM feedback_survey WHERE application_id = :id")
                .param("id", applicationId).query().listOfRows();
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private boolean optedOut(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM feedback_opt_out WHERE number_hash = :hash")
                .param("hash", cipher.fingerprint(CitizenNumber.national(number))).query(Integer.class).single() == 1;
    }

    private void citizenReplies(String number, String text) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.server().baseUrl() + "/simulator/replies"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("from", number.substring(1))
                        .put("text", text).toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> kannelReply(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private long queued(String queue) {
        return jms.browse(queue, (session, browser) -> {
            long count = 0;
            for (var messages = browser.getEnumeration(); messages.hasMoreElements(); messages.nextElement()) {
                count++;
            }
            return count;
        });
    }

    private com.fasterxml.jackson.databind.JsonNode deadLetterOf(String applicationId) {
        for (var letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (letter.path("applicationId").asText().equals(applicationId)) {
                return letter;
            }
        }
        return null;
    }
}
