package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One survey SMS per application across a restart between publishing and consuming: the packaged hub delivers
 * applications while its feedback subscriber does not run, so their completion events wait in feedback's queue; it
 * is killed, started again with the subscriber, and the SMS gateway (in this JVM, so that its counts outlive the hub)
 * gets exactly one SMS per application.
 */
@Timeout(600)
class SurveyOnceIT {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyOnceIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int APPLICATIONS = 20;
    private static final String CALLBACK = "/api/v1/departments/health/status-updates";

    @Test
    void eachDeliveredApplicationGetsOneSmsThroughAKillBeforeFeedbackConsumedItsEvent() throws Exception {
        Path dataDir = Files.createTempDirectory("sangam-survey-once-");
        try (HubDatabase database = HubDatabase.named("h2");
                RecordingSmsGateway gateway = new RecordingSmsGateway();
                HubJar hub = HubJar.start(dataDir, database.settings(),
                        "sangam.demo.auto-progress=false", "sangam.security.rate-limits.enabled=false",
                        "sangam.sms.gateway=kannel", "sangam.sms.kannel.send-url=" + gateway.sendUrl(),
                        "sangam.sms.kannel.password=fault-test", "sangam.feedback.quiet-hours=",
                        // The first life does not consume completion events for feedback: they wait in its queue.
                        "camel.main.auto-startup-exclude-pattern=completion-feedback")) {
            HubClient client = new HubClient(hub.port());
            Set<String> numbers = new HashSet<>();
            for (int i = 0; i < APPLICATIONS; i++) {
                String number = String.format("98%08d", i);
                numbers.add("91" + number);
                deliver(client, submit(client, "+91" + number));
            }
            hub.awaitWhileRunning(Duration.ofMinutes(2), () -> hub.messageCount("feedback") == APPLICATIONS);
            assertThat(gateway.smsByNumber()).isEmpty();
            hub.kill();

            hub.restart("camel.main.auto-startup-exclude-pattern=");
            hub.awaitWhileRunning(Duration.ofMinutes(2), () -> gateway.smsByNumber().keySet().containsAll(numbers)
                    && hub.messageCount("feedback") == 0 && hub.messageCount("sangam.sms.outgoing") == 0);

            Map<String, Integer> sent = gateway.smsByNumber();
            LOG.info("SMS per number after the restart: {}", sent);
            assertThat(sent.keySet()).isEqualTo(numbers);
            assertThat(sent.values()).allMatch(count -> count == 1);
        }
    }

    private static String submit(HubClient client, String number) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(Applications.forService(client, "health-birth-registration"));
        ((ObjectNode) body.path("applicant")).put("mobile", number);
        HubClient.Answer answer = client.submit("portal", UUID.randomUUID().toString(), body.toString());
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }

    private static void deliver(HubClient client, String id) {
        for (String update : new String[] {"\"status\": \"REG\"", "\"status\": \"APR\""}) {
            HubClient.Answer answer = client.post(CALLBACK, "dept-health", null, "application/json",
                    "{\"applicationId\": \"" + id + "\", " + update + "}");
            assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        }
    }
}
