package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubIntegrationTest;
import java.time.Duration;
import java.time.Year;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The health department's HMIS over REST/JSON, simulated by WireMock over real HTTP. */
class HealthConnectorTest extends HubIntegrationTest {

    private static final String REGISTRATIONS = "/hmis/api/v2/registrations";

    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JdbcClient jdbc;

    ApplicationRows rows;

    WireMockServer hmis;

    @BeforeEach
    void simulator() {
        rows = new ApplicationRows(jdbc);
        hmis = simulators.server("health");
    }

    @Test
    void anApplicationIsHandedToHmisInItsOwnTermsAndComesBackForwardedWithItsReference() throws Exception {
        String id = submit(Applications.forService(hub, "health-birth-registration"));

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));

        JsonNode application = hub.get("/api/v1/applications/" + id, "portal").json();
        assertThat(application.path("departmentReference").asText()).isEqualTo("HLT/" + Year.now() + "/" + id);
        var calls = hmis.findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS))
                .withRequestBody(matchingJsonPath("$.hub_ref", equalTo(id))));
        assertThat(calls).hasSize(1);
        JsonNode sent = new ObjectMapper().readTree(calls.get(0).getBodyAsString());
        assertThat(sent.path("applicant").path("dist_cd").asText()).isEqualTo("ANT");
        assertThat(sent.path("applicant").path("lang").asText()).isEqualTo("HIN");
        assertThat(sent.path("applicant").path("mobile_no").asText()).isEqualTo("9876543210");
        assertThat(sent.path("recd_on").asText()).isEqualTo("29-11-2026");
        assertThat(sent.path("form").path("motherName").asText()).isNotBlank();
        assertThat(calls.get(0).getHeader("Authorization")).startsWith("Basic ");
    }

    @Test
    void textThatCouldBreakJsonReachesHmisExactlyAsWritten() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // The contract refuses a line separator in the applicant's name; a form field may still carry one.
        String name = "Ab \"Q\" \\ </script> end";
        String motherName = "\u2028\"}, \"hub_ref\": \"forged\\";
        String id = submit(Applications.forService(hub, "health-birth-registration")
                .replace("\"Aisha Bhat\"", strict.writeValueAsString(name))
                .replaceFirst("\"motherName\":\"[^\"]*\"", Matcher.quoteReplacement(
                        "\"motherName\":" + strict.writeValueAsString(motherName))));

        // A request the department cannot read is refused: a dead letter, whose reason the failure shows.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rows.status(id).equals("FORWARDED") || rows.deadLetterReason(id) != null);
        assertThat(rows.deadLetterReason(id)).isNull();

        var calls = hmis.findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS))
                .withRequestBody(matchingJsonPath("$.hub_ref", equalTo(id))));
        assertThat(calls).hasSize(1);
        JsonNode sent = strict.readTree(calls.get(0).getBodyAsString());
        assertThat(sent.path("applicant").path("full_name").asText()).isEqualTo(name);
        assertThat(sent.path("form").path("motherName").asText()).isEqualTo(motherName);
        assertThat(sent.path("hub_ref").asText()).isEqualTo(id);
    }

    @Test
    void aRefusalIsKeptAsADeadLetterWithHmisReasonAndIsNotRetried() {
        String id = submit(Applications.forService(hub, "health-birth-registration")
                .replace("government-hospital", "home"));

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.deadLetterReason(id) != null);

        assertThat(rows.deadLetterReason(id)).contains("Home births are registered by the village Registrar");
        assertThat(rows.status(id)).isEqualTo("SUBMITTED");
        // Never sent again: over a period in which the broker would have redelivered it many times (100 ms apart).
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> callsFor(id) == 1);
    }

    @Test
    void aPassingFailureIsRetriedAndTheApplicationIsSentOnce() {
        // Only this test's application meets the blip, whatever else is on its way to HMIS meanwhile.
        StubMapping failing = hmis.stubFor(post(urlPathEqualTo(REGISTRATIONS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.form.motherName", equalTo("Passing Blip")))
                .inScenario("blip").whenScenarioStateIs("Started").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
        try {
            String id = submit(Applications.forService(hub, "health-birth-registration")
                    .replaceFirst("\"motherName\":\"[^\"]*\"", "\"motherName\":\"Passing Blip\""));

            await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));

            assertThat(hmis.findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS))
                    .withRequestBody(matchingJsonPath("$.hub_ref", equalTo(id))))).hasSize(2);
        } finally {
            hmis.removeStub(failing);
            hmis.resetScenarios();
        }
    }

    @Test
    void anAnswerThatCannotBeUsedIsADeadLetterAndTheApplicationIsNotSentAgain() {
        StubMapping odd = hmis.stubFor(post(urlPathEqualTo(REGISTRATIONS)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.form.motherName", equalTo("Odd Answer")))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"ack_no\": \"HLT/ODD/1\", \"status_cd\": \"PENDING\"}")));
        try {
            String id = submit(Applications.forService(hub, "health-birth-registration")
                    .replaceFirst("\"motherName\":\"[^\"]*\"", "\"motherName\":\"Odd Answer\""));

            await().atMost(Duration.ofSeconds(20)).until(() -> rows.deadLetterReason(id) != null);

            assertThat(rows.deadLetterReason(id)).contains("health accepted the application").contains("PENDING");
            // One call all along, over a period in which the broker would have redelivered a rolled-back message
            // many times (100 ms apart): the application is not sent again.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> callsFor(id) == 1);
            assertThat(rows.status(id)).isEqualTo("SUBMITTED");
        } finally {
            hmis.removeStub(odd);
        }
    }

    private int callsFor(String id) {
        return hmis.findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS))
                .withRequestBody(matchingJsonPath("$.hub_ref", equalTo(id)))).size();
    }

    private String submit(String body) {
        return hub.submit("portal", UUID.randomUUID().toString(), body).json().path("applicationId").asText();
    }
}
