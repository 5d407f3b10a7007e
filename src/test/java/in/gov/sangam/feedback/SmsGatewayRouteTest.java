package in.gov.sangam.feedback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import in.gov.sangam.support.RouteSlice;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.http.springboot.HttpComponentAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The SMS gateway connector's route template ({@code routes/sms-gateway.yaml}) on its own, made for each kind of
 * gateway as {@link SmsGatewayRoute} makes it, against a WireMock gateway over real HTTP: what query each kind sends
 * (and that nothing else leaves the hub, the number least of all), and how each answer is sorted into taken, refused
 * or failed.
 */
@CamelSpringBootTest
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/sms-gateway.yaml",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
@ImportAutoConfiguration(HttpComponentAutoConfiguration.class)
class SmsGatewayRouteTest {

    private static final String SEND = "/cgi-bin/sendsms";
    private static final String HINDI = "आवेदन SGM-2026-0000042: सेवा दी गई। रेटिंग भेजें 1 अच्छा 2 ठीक 3 खराब";
    private static final String REPORTS = "http://hub.example/api/v1/feedback/sms-deliveries/AbCdEfGhIjKlMnOp?type=%d";

    static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());

    static {
        GATEWAY.start();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;

    @AfterAll
    static void stop() {
        GATEWAY.stop();
    }

    @BeforeEach
    void bindCircuit() {
        camel.getRegistry().bind(SmsGatewayRoute.CIRCUIT_BREAKER, CircuitBreaker.of("sms", CircuitBreakerConfig
                .custom().minimumNumberOfCalls(1000).ignoreExceptions(SmsRefusedException.class).build()));
        GATEWAY.resetAll();
    }

    @AfterEach
    void removeRoute() throws Exception {
        camel.getRouteController().stopRoute("sms-gateway");
        camel.removeRoute("sms-gateway");
    }

    @Test
    void kannelGetsItsSendsmsQueryAndNothingElse() throws Exception {
        gateway("kannel");
        answer(202, "0: Accepted for delivery");

        send("2");

        LoggedRequest request = GATEWAY.findAll(getRequestedFor(urlPathEqualTo(SEND))).get(0);
        assertThat(Map.of("username", "sangam", "password", "secret&=?", "from", "SANGAM", "to", "919876543210",
                "text", HINDI, "coding", "2", "charset", "UTF-8", "dlr-mask", "31", "dlr-url", REPORTS))
                .allSatisfy((name, value) -> assertThat(request.queryParameter(name).firstValue()).as(name)
                        .isEqualTo(value));
        assertThat(request.getHeaders().all()).noneMatch(header -> header.key().startsWith("Sms")
                || header.values().stream().anyMatch(value -> value.contains("9876543210")));
    }

    @Test
    void kannelsQueuedAnswerIsTakenToo() throws Exception {
        gateway("kannel");
        answer(202, "3: Queued for later delivery");

        send("0");
    }

    @Test
    void aBadRequestIsARefusalWithTheGatewaysWords() throws Exception {
        gateway("kannel");
        answer(400, "Invalid receiver number");

        assertThatThrownBy(() -> send("0")).hasRootCauseInstanceOf(SmsRefusedException.class)
                .rootCause().hasMessageContaining("Invalid receiver number").hasMessageContaining("400");
    }

    @Test
    void aGatewayThatFailsOrRefusesTheHubsAccountIsWorthTryingAgain() throws Exception {
        gateway("kannel");
        for (int status : List.of(503, 403)) {
            answer(status, "Sending failed");
            assertThatThrownBy(() -> send("0")).as("HTTP " + status)
                    .hasRootCauseInstanceOf(SmsGatewayUnavailableException.class);
        }
    }

    @Test
    void nicGetsItsAccountSenderIdDltIdsAndTheUnicodeFlag() throws Exception {
        gateway("nic");
        answer(200, "Message Accepted For Request ID=1234567890~code=API000 & info=Platform Accepted");

        send("2");

        LoggedRequest request = GATEWAY.findAll(getRequestedFor(urlPathEqualTo(SEND))).get(0);
        assertThat(Map.of("username", "sangam", "pin", "secret&=?", "signature", "SANGAM", "mnumber", "919876543210",
                "message", HINDI, "dlt_entity_id", "1101234567890123456", "dlt_template_id", "1107170000000000103",
                "msgType", "UC"))
                .allSatisfy((name, value) -> assertThat(request.queryParameter(name).firstValue()).as(name)
                        .isEqualTo(value));
    }

    @Test
    void aNicAnswerThatDoesNotSayAcceptedIsARefusal() throws Exception {
        gateway("nic");
        answer(200, "Invalid Template ID~code=API015");

        assertThatThrownBy(() -> send("0")).hasRootCauseInstanceOf(SmsRefusedException.class)
                .rootCause().hasMessageContaining("Invalid Template ID");
    }

    private void gateway(String kind) throws Exception {
        SmsGatewayRoute.Kind settings = SmsGatewayRoute.KINDS.get(kind);
        TemplatedRouteBuilder.builder(camel, "sms-gateway-http")
                .routeId("sms-gateway")
                .parameter("endpoint", GATEWAY.baseUrl() + SEND)
                .parameter("template", "classpath:" + settings.template())
                .parameter("username", "sangam")
                .parameter("password", "secret&=?")
                .parameter("dltEntityId", "1101234567890123456")
                .parameter("accepted", settings.accepted())
                .parameter("refusalCodes", "400")
                .parameter("circuitBreaker", SmsGatewayRoute.CIRCUIT_BREAKER)
                .parameter("options", "connectTimeout=2000&responseTimeout=2000")
                .add();
    }

    private static void answer(int status, String body) {
        GATEWAY.stubFor(get(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/plain").withBody(body)));
    }

    private void send(String coding) {
        producer.sendBodyAndHeaders("direct:sms-gateway", null, Map.of("SmsTo", "919876543210", "SmsText", HINDI,
                "SmsCoding", coding, "SmsSenderId", "SANGAM", "SmsDltTemplateId", "1107170000000000103",
                "SmsDeliveryReportUrl", REPORTS));
    }
}
