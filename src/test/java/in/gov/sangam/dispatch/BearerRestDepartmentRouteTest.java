package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.github.tomakehurst.wiremock.WireMockServer;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.support.RouteSlice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.http.springboot.HttpComponentAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A department of the shape the next one will have, made of the same templates by the real {@link Connectors} from
 * its connector.yaml ({@code src/test/resources/fourth-department/transport}): a REST/JSON system behind a bearer token
 * from an OAuth2 client-credentials grant (a WireMock token endpoint), that takes applications with PUT, refuses with
 * codes of its own, and is polled for status with a GET per batch answered in JSON. No Java of its own.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/connector-http.yaml,"
            + "classpath:routes/connector-status-polling.yaml",
    "sangam.connectors.answer-recording.retries=0", "sangam.connectors.answer-recording.delay-ms=10",
    "sangam.connectors.answer-recording.max-delay-ms=10",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
@ImportAutoConfiguration(HttpComponentAutoConfiguration.class)
class BearerRestDepartmentRouteTest {

    private static final String QUEUE = "jms:queue:sangam.dispatch.transport";
    private static final String TICK = "direct:status-poll-transport";
    private static final String TOKEN = "/oauth/token";
    private static final String PERMITS = "/api/v1/permits";
    private static final String STATUS = "/api/v1/permits/status";

    static final WireMockServer TRANSPORT = new WireMockServer(options().dynamicPort());

    static {
        TRANSPORT.start();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "dispatcher")
    Dispatcher dispatcher;
    @MockitoBean(name = "statusPolls")
    StatusPolls statusPolls;
    @MockitoBean(name = "connectorHealth")
    ConnectorHealth health;

    final List<String> accepted = new CopyOnWriteArrayList<>();
    final List<String> applied = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stop() {
        TRANSPORT.stop();
    }

    @BeforeEach
    void department() throws Exception {
        if (!camel.isStarted()) {
            DepartmentFolderRoutes.add(camel, "fourth-department", "transport", new MockEnvironment()
                    .withProperty("TRANSPORT_URL", "http://localhost:" + TRANSPORT.port())
                    .withProperty("TRANSPORT_TOKEN_URL", "http://localhost:" + TRANSPORT.port() + TOKEN)
                    .withProperty("TRANSPORT_CLIENT_SECRET", "s3cret(&)"));
            AdviceWith.adviceWith(camel, "status-poll-transport", route -> route.replaceFromWith(TICK));
            camel.start();
        }
        TRANSPORT.resetAll();
        TRANSPORT.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
                "{\"access_token\":\"T-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        // Without the token the department answers 401, which would be tried again, never taken.
        TRANSPORT.stubFor(put(urlPathEqualTo(PERMITS)).atPriority(10).willReturn(aResponse().withStatus(401)));
        TRANSPORT.stubFor(get(urlPathEqualTo(STATUS)).atPriority(10).willReturn(aResponse().withStatus(401)));
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            exchange.setProperty(Dispatcher.DISPATCH_MESSAGE, exchange.getMessage().getBody(String.class));
            exchange.getMessage().setBody(Map.of("application", Map.of("applicationId", "SGM-2026-0000042")));
            return null;
        }).when(dispatcher).prepare(any());
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            accepted.add(exchange.getProperty("SangamDepartmentReference", String.class) + " "
                    + exchange.getProperty("SangamDepartmentStatus", String.class));
            return null;
        }).when(dispatcher).accepted(any());
        doAnswer(call -> {
            applied.add(call.getArgument(1) + " " + call.getArgument(2) + " " + call.getArgument(3) + " "
                    + call.getArgument(4));
            return null;
        }).when(statusPolls).apply(anyString(), any(), any(), any(), any());
    }

    @Test
    void anApplicationGoesWithTheBearerTokenOfAClientCredentialsGrantWhichIsFetchedOnce() {
        TRANSPORT.stubFor(put(urlPathEqualTo(PERMITS)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer T-1"))
                .willReturn(okJson("{\"permitNo\":\"TR/1\",\"state\":\"OPEN\"}").withStatus(201)));

        producer.sendBody(QUEUE, "{\"applicationId\":\"SGM-2026-0000042\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() == 1);
        producer.sendBody(QUEUE, "{\"applicationId\":\"SGM-2026-0000043\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() == 2);
        assertThat(accepted).containsOnly("TR/1 OPEN");
        assertThat(TRANSPORT.findAll(putRequestedFor(urlPathEqualTo(PERMITS)))).hasSize(2)
                .allSatisfy(call -> assertThat(call.getBodyAsString())
                        .isEqualTo("{\"hubReference\": \"SGM-2026-0000042\"}\n"));
        // One grant, with the hub's client id, secret and scope; the token is kept for the next calls.
        assertThat(TRANSPORT.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).singleElement()
                .satisfies(grant -> assertThat(grant.getBodyAsString()).contains("grant_type=client_credentials")
                        .contains("scope=permits"));
    }

    @Test
    void aRefusalCodeOfTheDepartmentsOwnIsARefusal() throws Exception {
        TRANSPORT.stubFor(put(urlPathEqualTo(PERMITS)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer T-1"))
                .willReturn(aResponse().withStatus(451).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Route closed by order\"}}")));
        List<Exception> caught = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            caught.add(call.<Exchange>getArgument(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
            return null;
        }).when(dispatcher).refused(any());

        producer.sendBody(QUEUE, "{\"applicationId\":\"SGM-2026-0000044\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> !caught.isEmpty());
        assertThat(caught.get(0)).isInstanceOf(DepartmentRefusedException.class)
                .hasMessage("Route closed by order (HTTP 451)");
        assertThat(TRANSPORT.findAll(putRequestedFor(urlPathEqualTo(PERMITS)))).hasSize(1);
        verify(dispatcher, never()).accepted(any());
    }

    @Test
    void statusIsPolledWithAGetPerBatchAndItsJsonAnswerAppliedCaseByCase() {
        doReturn(Map.of("caseNumbers", List.of("TR/1", "TR/2"))).when(statusPolls).nextBatch("transport");
        TRANSPORT.stubFor(get(urlPathEqualTo(STATUS)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer T-1"))
                .willReturn(okJson("{\"permits\":[{\"permitNo\":\"TR/1\",\"state\":\"APPROVED\",\"note\":\"Issued\"},"
                        + "{\"permitNo\":\"TR/2\",\"state\":\"REJECTED\",\"why\":\"No fitness certificate\"}]}")));

        producer.sendBody(TICK, null);

        assertThat(TRANSPORT.findAll(getRequestedFor(urlPathEqualTo(STATUS)))).singleElement()
                .satisfies(query -> assertThat(query.queryParameter("ids").firstValue()).isEqualTo("TR/1,TR/2"));
        assertThat(applied).containsExactly("TR/1 APPROVED Issued null", "TR/2 REJECTED null No fitness certificate");
    }
}
