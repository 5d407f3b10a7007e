package in.gov.sangam.feedback.kannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The survey loop against a real Kannel (Debian's bearerbox and smsbox, with the fake SMS centre fakesmsc, on
 * loopback): the hub sends the survey through Kannel's sendsms, the SMS reaches the SMS centre whole and in Unicode,
 * the delivery report comes back through Kannel, and the citizen's reply from the SMS centre is counted. The hub is
 * one of its own, on a port chosen first, because Kannel's configuration names the reply URL before either starts.
 */
class RealKannelTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEALTH_CALLBACK = "/api/v1/departments/health/status-updates";
    private static final String CITIZEN = "+919812340077";
    private static KannelGateway kannel;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void kannelGateway(DynamicPropertyRegistry registry) {
        KannelGateway.assumeInstalled();
        ownHub(registry);
        int hubPort = freePort();
        kannel = KannelGateway.start("sangam", "kannel-test", "http://sms-gateway:sms-gateway-secret@127.0.0.1:"
                + hubPort + "/api/v1/feedback/sms-replies/kannel?from=%p&text=%a");
        registry.add("server.port", () -> hubPort);
        registry.add("sangam.sms.gateway", () -> "kannel");
        registry.add("sangam.sms.kannel.send-url", kannel::sendUrl);
        registry.add("sangam.sms.kannel.username", () -> "sangam");
        registry.add("sangam.sms.kannel.password", () -> "kannel-test");
    }

    @AfterAll
    static void stopKannel() {
        if (kannel != null) {
            kannel.close();
        }
    }

    @Test
    void aSurveyReachesTheSmsCentreItsDeliveryIsReportedAndTheCitizensReplyIsCounted() throws Exception {
        String id = delivered(CITIZEN, "hi");

        ReceivedSms sms = await().atMost(Duration.ofSeconds(60)).until(() -> surveyOf(id, kannel.received()),
                found -> found != null);
        assertThat(sms.to()).endsWith("9812340077");
        assertThat(sms.from()).isEqualTo("SANGAM");
        assertThat(sms.text()).contains("रेटिंग").contains("/feedback/" + survey(id).get("TOKEN"));
        assertThat(sms.parts()).isLessThanOrEqualTo(2);

        // Kannel reports it delivered (a late "delivered to the SMS centre" does not undo that).
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(survey(id).get("DELIVERY")));

        kannel.replyFrom(CITIZEN, "1");
        await().atMost(Duration.ofSeconds(60)).until(() -> "GOOD".equals(survey(id).get("RATING")));
        assertThat(survey(id)).containsEntry("RATED_BY", "SMS").containsEntry("STATE", "SENT");
    }

    private static ReceivedSms surveyOf(String applicationId, List<ReceivedSms> received) {
        return received.stream().filter(sms -> sms.text().contains(applicationId)).findFirst().orElse(null);
    }

    private String delivered(String number, String language) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(Applications.forService(hub, "health-birth-registration"));
        ((ObjectNode) body.path("applicant")).put("mobile", number).put("language", language);
        Answer submitted = hub.submit("portal", UUID.randomUUID().toString(), body.toString());
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.json().path("applicationId").asText();
        for (String update : List.of("\"status\": \"REG\"", "\"status\": \"APR\"")) {
            assertThat(hub.post(HEALTH_CALLBACK, "dept-health", null, "application/json",
                    "{\"applicationId\": \"" + id + "\", " + update + "}").status()).isEqualTo(200);
        }
        return id;
    }

    private Map<String, Object> survey(String applicationId) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM feedback_survey WHERE application_id = :id")
                .param("id", applicationId).query().listOfRows();
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
