package in.gov.sangam.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import in.gov.sangam.demo.DemoMailServer;
import in.gov.sangam.demo.SmsGatewaySimulator;
import in.gov.sangam.support.HubIntegrationTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices through the whole hub: requested in a caller's transaction, each goes out once, an SMS through the demo's
 * SMS gateway (WireMock speaking Kannel's API, over real HTTP) and an e-mail to the demo's mail server (GreenMail,
 * over real SMTP), however often it is requested or its message comes. The number goes to the gateway and nowhere
 * else: not into the broker's message, the notices table in clear, the evidence or the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoticesTest extends HubIntegrationTest {

    private static final String DLT_TEMPLATE_ID = "1107170000000000201";

    @Autowired
    Notices notices;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    SmsGatewaySimulator gateway;
    @Autowired
    DemoMailServer mailServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;

    @Test
    void eachNoticeGoesOutOnceByItsChannelHoweverOftenItIsRequested(CapturedOutput output) throws Exception {
        String applicationId = newApplicationId();
        String number = newNumber();
        String officer = "do-" + UUID.randomUUID() + "@health.example.gov.in";
        Notice sms = Notice.sms("test:" + applicationId + ":citizen", number, "en",
                "Sangam: an appeal on your application " + applicationId + " is filed.", DLT_TEMPLATE_ID,
                applicationId);
        Notice email = Notice.email("test:" + applicationId + ":officer", officer, "en",
                "Appeal on " + applicationId, "The application " + applicationId + " is past its timeline.",
                applicationId);

        assertThat(request(sms, email)).containsExactly(true, true);
        // Requested again (a sweep, an event redelivered): nothing new.
        assertThat(request(sms, email)).containsExactly(false, false);

        LoggedRequest atGateway = await().atMost(Duration.ofSeconds(30))
                .until(() -> smsTo(number), sent -> !sent.isEmpty()).get(0);
        assertThat(atGateway.queryParameter("text").firstValue()).isEqualTo(sms.text());
        assertThat(atGateway.queryParameter("coding").firstValue()).isEqualTo("0");
        assertThat(atGateway.queryParameter("from").firstValue()).isEqualTo("SANGAM");
        // A notice asks for no delivery report.
        assertThat(atGateway.queryParameter("dlr-url").isPresent()).isFalse();

        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(officer), received -> !received.isEmpty()).get(0);
        assertThat(mail.getSubject()).isEqualTo(email.subject());
        assertThat(((String) mail.getContent()).strip()).isEqualTo(email.text());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("sangam-notices@localhost");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        // None of the broker's or the hub's headers become the mail's.
        assertThat(mail.getHeader("SangamApplicationId")).isNull();
        assertThat(mail.getHeader("JMSMessageID")).isNull();

        await().atMost(Duration.ofSeconds(30)).until(() -> notices.forApplication(applicationId).stream()
                .allMatch(notice -> notice.state() == NoticeState.SENT));
        List<NoticeRecord> evidence = notices.forApplication(applicationId);
        assertThat(evidence).extracting(NoticeRecord::noticeKey, NoticeRecord::channel, NoticeRecord::recipient)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(sms.noticeKey(), Channel.SMS,
                                "******" + number.substring(number.length() - 4)),
                        org.assertj.core.groups.Tuple.tuple(email.noticeKey(), Channel.EMAIL, officer));
        assertThat(evidence).allSatisfy(notice -> {
            assertThat(notice.requestedAt()).isEqualTo(START);
            assertThat(notice.sentAt()).isEqualTo(START);
            assertThat(notice.failure()).isNull();
        });

        // Once everything queued is gone: one SMS, one e-mail, one message each.
        await().atMost(Duration.ofSeconds(30)).until(() -> queued("sangam.notices") == 0);
        assertThat(smsTo(number)).hasSize(1);
        assertThat(mailsTo(officer)).hasSize(1);
        assertThat(payloads(applicationId)).hasSize(2);

        // The number: at the gateway only.
        String national = number.substring(3);
        assertThat(payloads(applicationId)).allSatisfy(payload -> assertThat(payload)
                .matches("\\{\"noticeId\":\\d+}"));
        assertThat(jdbc.sql("SELECT recipient FROM notice WHERE notice_key = :key").param("key", sms.noticeKey())
                .query(String.class).single()).doesNotContain(national);
        assertThat(output.getAll()).contains(sms.noticeKey()).doesNotContain(national);
    }

    @Test
    void aNoticeWhoseMessageComesAgainIsNotSentAgain() throws Exception {
        String applicationId = newApplicationId();
        String number = newNumber();
        String authority = "faa-" + UUID.randomUUID() + "@appeals.example.gov.in";
        request(Notice.sms("test:" + applicationId + ":sms", number, "en", "Sangam: appeal " + applicationId,
                        DLT_TEMPLATE_ID, applicationId),
                Notice.email("test:" + applicationId + ":email", authority, "en", "Appeal " + applicationId,
                        "An appeal is filed with you.", applicationId));
        await().atMost(Duration.ofSeconds(30)).until(() -> notices.forApplication(applicationId).stream()
                .allMatch(notice -> notice.state() == NoticeState.SENT));

        // Both messages once more, as a broker redelivery or a replay brings them.
        NotifyBuilder again = new NotifyBuilder(camel).fromRoute("notices-sender").whenDone(2).create();
        for (String payload : payloads(applicationId)) {
            jms.convertAndSend("sangam.notices", payload);
        }
        await().atMost(Duration.ofSeconds(30)).until(again::matches);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued("sangam.notices") == 0);
        assertThat(smsTo(number)).hasSize(1);
        assertThat(mailsTo(authority)).hasSize(1);
    }

    @Test
    void aHindiSmsGoesAsUnicodeAndAHindiMailArrivesIntact() throws Exception {
        String applicationId = newApplicationId();
        String number = newNumber();
        String officer = "do-" + UUID.randomUUID() + "@revenue.example.gov.in";
        String hindi = "आवेदन " + applicationId + " पर अपील दर्ज की गई है।";
        request(Notice.sms("test:" + applicationId + ":hi", number, "hi", hindi, DLT_TEMPLATE_ID, applicationId),
                Notice.email("test:" + applicationId + ":hi-mail", officer, "hi", "अपील " + applicationId, hindi,
                        applicationId));

        LoggedRequest atGateway = await().atMost(Duration.ofSeconds(30))
                .until(() -> smsTo(number), sent -> !sent.isEmpty()).get(0);
        assertThat(atGateway.queryParameter("coding").firstValue()).isEqualTo("2");
        assertThat(atGateway.queryParameter("charset").firstValue()).isEqualTo("UTF-8");
        assertThat(atGateway.queryParameter("text").firstValue()).isEqualTo(hindi);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(officer), received -> !received.isEmpty()).get(0);
        assertThat(mail.getSubject()).isEqualTo("अपील " + applicationId);
        assertThat(((String) mail.getContent()).strip()).isEqualTo(hindi);
        assertThat(mail.getHeader("Content-Language")).containsExactly("hi");
    }

    @Test
    void aNumberTheGatewayRefusesMakesAFailedNoticeAndADeadLetterThatSaysWhy() {
        String applicationId = newApplicationId();
        // The demo's gateway refuses numbers no phone has (a digit 6-9 and nine zeros).
        request(Notice.sms("test:" + applicationId + ":refused", "+919000000000", "en", "Sangam: appeal filed",
                DLT_TEMPLATE_ID, applicationId));

        await().atMost(Duration.ofSeconds(30)).until(() -> notices.forApplication(applicationId).get(0).state()
                == NoticeState.FAILED);
        NoticeRecord failed = notices.forApplication(applicationId).get(0);
        assertThat(failed.failure()).contains("Invalid receiver number").contains("400");
        assertThat(failed.sentAt()).isNull();
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(applicationId),
                found -> found != null);
        assertThat(letter.path("source").asText()).isEqualTo("notices");
        assertThat(letter.path("reason").asText()).contains("Invalid receiver number");
        assertThat(letter.toString()).doesNotContain("9000000000");
    }

    @Test
    void aNoticeIsRequestedOnlyInsideItsCallersTransaction() {
        String applicationId = newApplicationId();

        assertThatThrownBy(() -> notices.request(Notice.email("test:" + applicationId + ":no-transaction",
                "do@health.example.gov.in", "en", "Subject", "Text", applicationId)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(notices.forApplication(applicationId)).isEmpty();
    }

    @Test
    void aNoticeRequestedInATransactionThatRollsBackIsNeitherKeptNorSent() {
        String applicationId = newApplicationId();
        String officer = "do-" + UUID.randomUUID() + "@health.example.gov.in";

        transaction.executeWithoutResult(status -> {
            notices.request(Notice.email("test:" + applicationId + ":rolled-back", officer, "en", "Subject", "Text",
                    applicationId));
            status.setRollbackOnly();
        });

        assertThat(notices.forApplication(applicationId)).isEmpty();
        assertThat(payloads(applicationId)).isEmpty();
        // Requested again, it is a new notice (the first never existed), and goes out.
        assertThat(request(Notice.email("test:" + applicationId + ":rolled-back", officer, "en", "Subject", "Text",
                applicationId))).containsExactly(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(officer).size() == 1);
    }

    // ---- helpers ----

    private List<Boolean> request(Notice... requested) {
        return transaction.execute(status -> Arrays.stream(requested).map(notices::request).toList());
    }

    /**
     * An application's id, in the hub's format, far beyond any the shared hub's other tests submit (eight digits: ten
     * would look like a mobile number to the logs' mask).
     */
    private static String newApplicationId() {
        return "SGM-2026-" + ThreadLocalRandom.current().nextInt(90_000_000, 99_999_999);
    }

    private static String newNumber() {
        return "+919" + String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
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

    /** The mails the demo's mail server received for this address. */
    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mailServer.greenMail().getReceivedMessages())
                .filter(mail -> recipients(mail).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            Address[] all = mail.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the outbox put on the broker for the application's notices. */
    private List<String> payloads(String applicationId) {
        return jdbc.sql("""
                SELECT payload FROM outbox_message WHERE aggregate_id = :id AND message_type = 'NoticeRequested'
                ORDER BY id""").param("id", applicationId).query(String.class).list();
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

    private JsonNode deadLetterOf(String applicationId) {
        for (JsonNode letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (letter.path("applicationId").asText().equals(applicationId)) {
                return letter;
            }
        }
        return null;
    }
}
