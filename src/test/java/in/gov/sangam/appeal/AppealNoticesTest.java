package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import in.gov.sangam.demo.DemoMailServer;
import in.gov.sangam.demo.SmsGatewaySimulator;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.CompletionEvents;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HealthDepartment;
import in.gov.sangam.support.HubIntegrationTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who is told what of an appeal, seen where the notices arrive: the e-mails at the demo's mail server (GreenMail, over
 * real SMTP) and the SMS at the demo's SMS gateway (WireMock speaking Kannel's API, over real HTTP). The clock is
 * moved, never slept, on a hub of this class's own; each test starts a year after the one before, so the sweeps, which
 * walk the applications in order, meet each test's applications after the last one's. The applicant applied in Hindi
 * (support/Applications), so the citizen's SMS are the Hindi texts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppealNoticesTest extends HubIntegrationTest {

    private static final String SERVICE = "health-birth-registration";
    /** connectors/health/department.yaml: the service's designated officer and appellate authorities. */
    private static final String OFFICER = "registrar-births-deaths-health@sangam.example.gov.in";
    private static final String OFFICER_MOBILE = "919419000005";
    private static final String FIRST_AUTHORITY = "block-medical-officer-health@sangam.example.gov.in";
    private static final String SECOND_AUTHORITY = "chief-medical-officer-health@sangam.example.gov.in";
    private static final String CITIZEN_MOBILE = "91" + Applications.MOBILE.substring(3);

    @DynamicPropertySource
    static void ownHubOfItsOwn(DynamicPropertyRegistry registry) {
        ownHub(registry);
    }

    @Autowired
    SmsGatewaySimulator gateway;
    @Autowired
    DemoMailServer mailServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JmsTemplate jms;
    @Autowired
    CamelContext camel;

    @Test
    @Order(1)
    void theDesignatedOfficerIsWarnedOnceAtEightyPercentOfTheTimeline() throws Exception {
        startYear(1);
        String id = HealthDepartment.submit(hub, SERVICE);
        HealthDepartment.report(hub, id, "{\"status\": \"REG\"}");
        Instant acknowledged = instant(application(id).path("acknowledgedAt").asText());
        Instant dueBy = dueBy(id);
        Instant warnAt = acknowledged.plusSeconds(Math.round(Duration.between(acknowledged, dueBy).toSeconds() * 0.8));

        // Just before 80%: nobody is told.
        clock.set(warnAt.minusSeconds(60));
        awaitWarningSweepAt(clock.instant());
        assertThat(noticeKeys(id)).isEmpty();

        clock.set(warnAt.plusSeconds(60));
        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(OFFICER, id), found -> found.size() == 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("PSGA warning: application " + id + " is due by "
                + OffsetDateTime.ofInstant(dueBy, IST).format(java.time.format.DateTimeFormatter.ofPattern(
                        "dd-MM-yyyy HH:mm")) + " IST");
        assertThat(body(mail)).contains("Registrar Births and Deaths").contains("Birth Registration and Certificate")
                .contains("Anantnag");
        LoggedRequest sms = await().atMost(Duration.ofSeconds(30))
                .until(() -> smsTo(OFFICER_MOBILE, id), found -> found.size() == 1).get(0);
        assertThat(sms.queryParameter("text").firstValue()).startsWith("Sangam PSGA: application " + id);

        // The sweep runs on and on, the clock moves past the warning twice more: no second warning.
        clock.set(warnAt.plus(Duration.ofHours(2)));
        awaitWarningSweepAt(clock.instant());
        clock.set(dueBy.minusSeconds(60));
        awaitWarningSweepAt(clock.instant());
        awaitNoticesSent(id);
        assertThat(mailsTo(OFFICER, id)).hasSize(1);
        assertThat(smsTo(OFFICER_MOBILE, id)).hasSize(1);
        assertThat(noticesPerKey(id)).isEqualTo(Map.of(
                "application:" + id + ":warning:officer", 1,
                "application:" + id + ":warning:officer:sms", 1));
    }

    @Test
    @Order(2)
    void filingEscalationAndDecisionEachTellTheRightPeopleOnce() throws Exception {
        startYear(2);
        String id = HealthDepartment.submit(hub, SERVICE);
        HealthDepartment.report(hub, id, "{\"status\": \"REG\"}");

        // The deadline passes (no warning: the sweep finds the deadline passed too).
        clock.set(dueBy(id).plus(Duration.ofHours(1)));
        JsonNode first = await().atMost(Duration.ofSeconds(30)).until(() -> appeal(id, 1), found -> found != null);
        String firstId = first.path("appealId").asText();
        MimeMessage filed = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(FIRST_AUTHORITY, firstId), found -> found.size() == 1).get(0);
        assertThat(filed.getSubject()).isEqualTo("PSGA appeal " + firstId + " (level 1) filed with you: application "
                + id);
        assertThat(body(filed)).contains("grounds DELAY").contains("designated officer Registrar Births and Deaths");
        LoggedRequest citizenFiled = await().atMost(Duration.ofSeconds(30))
                .until(() -> smsTo(CITIZEN_MOBILE, firstId), found -> found.size() == 1).get(0);
        assertThat(citizenFiled.queryParameter("text").firstValue()).startsWith("आवेदन " + id + " पर अपील " + firstId
                + " दर्ज।");
        assertThat(citizenFiled.queryParameter("coding").firstValue()).isEqualTo("2");

        // Undecided by its decideBy: the second authority and the citizen are told, and the first that it moved.
        clock.set(instant(first.path("decideBy").asText()).plus(Duration.ofHours(1)));
        JsonNode second = await().atMost(Duration.ofSeconds(30)).until(() -> appeal(id, 2), found -> found != null);
        String secondId = second.path("appealId").asText();
        MimeMessage before = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(SECOND_AUTHORITY, secondId), found -> found.size() == 1).get(0);
        assertThat(before.getSubject()).contains("(level 2) filed with you");
        MimeMessage moved = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(FIRST_AUTHORITY, "moved"), found -> found.stream()
                        .anyMatch(mail -> subject(mail).contains(firstId)))
                .stream().filter(mail -> subject(mail).contains(firstId)).findFirst().orElseThrow();
        assertThat(moved.getSubject()).isEqualTo("PSGA appeal " + firstId + " moved to the Chief Medical Officer");
        assertThat(body(moved)).contains("as appeal " + secondId);
        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(CITIZEN_MOBILE, secondId).size() == 1);

        // Decided: the citizen, and the designated officer with what was ordered.
        Answer decided = hub.post("/api/v1/appeals/" + secondId + "/decision", "appellate", null,
                "application/json", "{\"outcome\": \"ALLOWED\", \"directions\": \"Issue the certificate within 3 "
                        + "days.\", \"penaltyAmount\": 2500, \"compensationAmount\": 500}");
        assertThat(decided.status()).isEqualTo(200);
        MimeMessage order = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(OFFICER, secondId), found -> found.size() == 1).get(0);
        assertThat(order.getSubject()).isEqualTo("PSGA appeal " + secondId + " decided: ALLOWED");
        assertThat(body(order)).contains("Directions: Issue the certificate within 3 days.")
                .contains("Penalty ordered on the designated officer: Rs 2500")
                .contains("Compensation to the applicant: Rs 500").contains("Chief Medical Officer");
        LoggedRequest citizenDecided = await().atMost(Duration.ofSeconds(30))
                .until(() -> smsTo(CITIZEN_MOBILE, secondId), found -> found.size() == 2).get(1);
        assertThat(citizenDecided.queryParameter("text").firstValue()).contains("स्वीकृत");
        // Decided again: refused, and nobody is told anything more.
        assertThat(hub.post("/api/v1/appeals/" + secondId + "/decision", "admin", null, "application/json",
                "{\"outcome\": \"DISMISSED\", \"directions\": \"-\"}").status()).isEqualTo(409);

        awaitNoticesSent(id);
        assertThat(noticesPerKey(id)).isEqualTo(Map.of(
                "appeal:" + firstId + ":filed:citizen", 1,
                "appeal:" + firstId + ":filed:authority", 1,
                "appeal:" + firstId + ":moved:authority", 1,
                "appeal:" + secondId + ":filed:citizen", 1,
                "appeal:" + secondId + ":filed:authority", 1,
                "appeal:" + secondId + ":decided:citizen", 1,
                "appeal:" + secondId + ":decided:officer", 1));
        assertThat(smsTo(CITIZEN_MOBILE, firstId)).hasSize(1);
        assertThat(smsTo(CITIZEN_MOBILE, secondId)).hasSize(2);
        assertThat(mailsTo(FIRST_AUTHORITY, firstId)).hasSize(2);
        assertThat(mailsTo(SECOND_AUTHORITY, secondId)).hasSize(1);
        assertThat(mailsTo(OFFICER, secondId)).hasSize(1);
    }

    @Test
    @Order(3)
    void aRejectionWithoutReasonsIsAnnouncedOnceHoweverOftenItsEventComes() throws Exception {
        startYear(3);
        String id = HealthDepartment.submit(hub, SERVICE);
        HealthDepartment.report(hub, id, "{\"status\": \"REJ\"}");
        JsonNode appeal = await().atMost(Duration.ofSeconds(30)).until(() -> appeal(id, 1), found -> found != null);
        String appealId = appeal.path("appealId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(FIRST_AUTHORITY, appealId).size() == 1
                && smsTo(CITIZEN_MOBILE, appealId).size() == 1);
        assertThat(mailsTo(FIRST_AUTHORITY, appealId).get(0).getSubject()).contains("(level 1)");
        assertThat(body(mailsTo(FIRST_AUTHORITY, appealId).get(0))).contains("grounds REJECTED_WITHOUT_REASON");

        // The same completion event again, as a redelivery or a replay brings it: taken, and nobody told again.
        CompletionEvents events = new CompletionEvents(jdbc);
        String eventId = events.eventIds(id).get(0);
        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("completion-appeal").whenDone(1).create();
        events.sendAgain(jms, "appeal", eventId, id);
        await().atMost(Duration.ofSeconds(30)).until(taken::matches);

        awaitNoticesSent(id);
        assertThat(noticesPerKey(id)).isEqualTo(Map.of(
                "appeal:" + appealId + ":filed:citizen", 1,
                "appeal:" + appealId + ":filed:authority", 1));
        assertThat(mailsTo(FIRST_AUTHORITY, appealId)).hasSize(1);
        assertThat(smsTo(CITIZEN_MOBILE, appealId)).hasSize(1);
    }

    // ---- helpers ----

    /** Each test in a year of its own, after the one before: see the class comment. */
    private void startYear(int year) {
        clock.set(START.plus(Duration.ofDays(400L * year)));
    }



    private JsonNode application(String id) {
        return hub.get("/api/v1/applications/" + id, "admin").json();
    }

    private Instant dueBy(String id) {
        return instant(application(id).path("dueBy").asText());
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** The application's appeal at this level, or null. */
    private JsonNode appeal(String id, int level) {
        for (JsonNode appeal : application(id).path("appeals")) {
            if (appeal.path("level").asInt() == level) {
                return appeal;
            }
        }
        return null;
    }

    /** Waits until the warning sweep has run with the clock at this time (it keeps the time it swept at). */
    private void awaitWarningSweepAt(Instant at) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.sql(
                "SELECT swept_at FROM psga_sweep WHERE name = 'warnings'").query(OffsetDateTime.class).single()
                .toInstant().isBefore(at));
    }

    /** Waits until every notice of the application went out, so nothing more can arrive for it. */
    private void awaitNoticesSent(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notice WHERE application_id = :id AND state <> 'SENT'").param("id", id)
                .query(Integer.class).single() == 0);
    }

    private List<String> noticeKeys(String id) {
        return jdbc.sql("SELECT notice_key FROM notice WHERE application_id = :id").param("id", id)
                .query(String.class).list();
    }

    private Map<String, Integer> noticesPerKey(String id) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("SELECT notice_key, COUNT(*) AS made FROM notice WHERE application_id = :id GROUP BY notice_key")
                .param("id", id).query(rs -> {
                    counts.put(rs.getString("notice_key"), rs.getInt("made"));
                });
        return counts;
    }

    /** The sendsms requests the gateway got for this number whose text mentions {@code about}. */
    private List<LoggedRequest> smsTo(String to, String about) {
        List<LoggedRequest> sent = new ArrayList<>(gateway.server().getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().startsWith("/cgi-bin/sendsms"))
                .filter(request -> to.equals(request.queryParameter("to").firstValue()))
                .filter(request -> request.queryParameter("text").firstValue().contains(about))
                .map(LoggedRequest.class::cast)
                .toList());
        // WireMock lists the newest first.
        java.util.Collections.reverse(sent);
        return sent;
    }

    /** The mails the demo's mail server received for this address whose subject mentions {@code about}. */
    private List<MimeMessage> mailsTo(String address, String about) {
        return Arrays.stream(mailServer.greenMail().getReceivedMessages())
                .filter(mail -> recipients(mail).contains(address))
                .filter(mail -> subject(mail).contains(about))
                .toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replaceAll("\\s+", " ");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            Address[] all = mail.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
