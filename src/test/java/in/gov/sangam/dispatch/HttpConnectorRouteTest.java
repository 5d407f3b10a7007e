package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import freemarker.template.TemplateException;
import in.gov.sangam.support.RouteSlice;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.http.springboot.HttpComponentAutoConfiguration;
import org.apache.camel.component.mock.MockEndpoint;
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
 * The HTTP connector's route templates ({@code routes/connector-http.yaml}) on their own: a department's queue on a
 * real embedded broker, the department a WireMock server over real HTTP, the dispatcher and the connector health
 * mocks, the request template replaced by a fixed body. What is checked is the routes' own decisions: what is sent
 * and how often, what is a refusal, what is tried again, what becomes a dead letter, what is rolled back for the
 * broker to redeliver.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/connector-http.yaml",
    "sangam.connectors.answer-recording.retries=2", "sangam.connectors.answer-recording.delay-ms=10",
    "sangam.connectors.answer-recording.max-delay-ms=50",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
@ImportAutoConfiguration(HttpComponentAutoConfiguration.class)
class HttpConnectorRouteTest {

    private static final String HEALTH = "jms:queue:sangam.dispatch.health";
    private static final String REVENUE = "jms:queue:sangam.dispatch.revenue";
    private static final String LAND = "jms:queue:sangam.dispatch.land";
    private static final String REGISTRATIONS = "/hmis/api/v2/registrations";
    private static final String SERVICE = "/revenue/services/ApplicationService";
    private static final String MUTATIONS = "/land/services/MutationService";
    private static final String MESSAGE = "{\"applicationId\":\"SGM-2026-0000042\"}";
    private static final String REQUEST = "{\"hub_ref\":\"SGM-2026-0000042\"}";
    private static final String ACCEPTED = "{\"ack_no\":\"HLT/1\",\"status_cd\":\"REG\"}";
    /** Three attempts a delivery: the first and two retries (of a call, or of recording its answer). */
    private static final int ATTEMPTS = 3;

    static final WireMockServer DEPARTMENT = new WireMockServer(options().dynamicPort());

    static {
        DEPARTMENT.start();
    }

    static final CircuitBreaker HEALTH_CIRCUIT = CircuitBreaker.of("health", CircuitBreakerConfig.custom()
            .ignoreExceptions(DepartmentRefusedException.class).minimumNumberOfCalls(1000).build());
    static final CircuitBreaker REVENUE_CIRCUIT = CircuitBreaker.of("revenue", CircuitBreakerConfig.custom()
            .ignoreExceptions(DepartmentRefusedException.class).minimumNumberOfCalls(1000).build());

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "dispatcher")
    Dispatcher dispatcher;
    @MockitoBean(name = "connectorHealth")
    ConnectorHealth health;

    MockEndpoint request;
    final List<Map<String, Object>> accepted = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stop() {
        DEPARTMENT.stop();
    }

    @BeforeEach
    void route() throws Exception {
        if (!camel.isStarted()) {
            camel.getRegistry().bind("circuitBreaker-health", HEALTH_CIRCUIT);
            camel.getRegistry().bind("circuitBreaker-revenue", REVENUE_CIRCUIT);
            connector("health", "rest", REGISTRATIONS, "$.ack_no", "$.status_cd");
            connector("revenue", "soap", SERVICE,
                    "//*[local-name()='SubmitApplicationResponse']/*[local-name()='caseNumber']",
                    "//*[local-name()='SubmitApplicationResponse']/*[local-name()='statusCode']");
            // A SOAP department that declares a server fault of its own a refusal, made by the real Connectors from
            // its folder (src/test/resources/soap-fault-department/land).
            DepartmentFolderRoutes.add(camel, "soap-fault-department", "land", new MockEnvironment()
                    .withProperty("LAND_URL", "http://localhost:" + DEPARTMENT.port()));
            for (String department : List.of("health", "revenue", "land")) {
                AdviceWith.adviceWith(camel, "dispatch-" + department, route -> route.weaveByToUri("freemarker:*")
                        .replace().to("mock:request").setBody().constant(REQUEST));
            }
            camel.start();
        }
        DEPARTMENT.resetAll();
        HEALTH_CIRCUIT.transitionToClosedState();
        REVENUE_CIRCUIT.transitionToClosedState();
        request = camel.getEndpoint("mock:request", MockEndpoint.class);
        request.reset();
        accepted.clear();
        // By default the dispatcher prepares a model, and records what the route read from the answer.
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            exchange.setProperty(Dispatcher.DISPATCH_MESSAGE, exchange.getMessage().getBody(String.class));
            exchange.getMessage().setBody(Map.of("application", "model"));
            return null;
        }).when(dispatcher).prepare(any());
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            accepted.add(Map.of("answer", exchange.getMessage().getBody(String.class),
                    "reference", exchange.getProperty("SangamDepartmentReference", "", String.class),
                    "status", exchange.getProperty("SangamDepartmentStatus", "", String.class)));
            return null;
        }).when(dispatcher).accepted(any());
    }

    private void connector(String department, String protocol, String path, String reference, String status) {
        String endpoint = "http://localhost:" + DEPARTMENT.port() + path;
        TemplatedRouteBuilder call = TemplatedRouteBuilder.builder(camel, protocol + "-call")
                .routeId("call-submit-" + department)
                .parameter("name", "direct:submit-" + department)
                .parameter("department", department)
                .parameter("endpoint", endpoint)
                .parameter("method", "POST")
                .parameter("options", "connectTimeout=1000&responseTimeout=5000")
                .parameter("circuitBreaker", "circuitBreaker-" + department)
                .parameter("refusalCodes", "400,409,410,412,413,415,422");
        if (protocol.equals("soap")) {
            call.parameter("soapAction", "urn:jk:revenue:applications:v1:SubmitApplication")
                    .parameter("refusalFaultCodes", "Client");
        } else {
            call.parameter("rejection", "$.err_msg");
        }
        call.add();
        TemplatedRouteBuilder.builder(camel, protocol + "-connector").routeId("dispatch-" + department)
                .parameter("department", department)
                .parameter("template", "connectors/" + department + "/mappings/submit-request.ftl")
                .parameter("call", "direct:submit-" + department)
                .parameter("reference", reference)
                .parameter("status", status)
                .parameter("retries", String.valueOf(ATTEMPTS - 1))
                .parameter("retryDelay", "10")
                .parameter("retryMultiplier", "2")
                .parameter("retryMaxDelay", "50")
                .add();
    }

    private int requestsTo(String path) {
        return DEPARTMENT.findAll(postRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void anApplicationIsRenderedSentAndItsAnswerReadAndApplied() throws Exception {
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).willReturn(okJson(ACCEPTED).withStatus(202)));
        request.expectedBodiesReceived(Map.of("application", "model"));
        request.expectedPropertyReceived("SangamDepartment", "health");

        producer.sendBody(HEALTH, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> !accepted.isEmpty());
        request.assertIsSatisfied();
        assertThat(accepted).singleElement().isEqualTo(Map.of("answer", ACCEPTED, "reference", "HLT/1",
                "status", "REG"));
        var sent = DEPARTMENT.findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS)));
        assertThat(sent).singleElement().satisfies(call -> {
            assertThat(call.getBodyAsString()).isEqualTo(REQUEST);
            assertThat(call.getHeader("Content-Type")).startsWith("application/json");
            // Nothing of the hub's own messaging goes to the department.
            assertThat(call.getHeaders().keys()).noneMatch(name -> name.startsWith("JMS")
                    || name.startsWith("Sangam") || name.startsWith("Camel"));
        });
        verify(health).succeeded("health");
        verify(dispatcher, never()).cannotDispatch(any());
        verify(dispatcher, never()).refused(any());
    }

    @Test
    void anApplicationAlreadyWithItsDepartmentIsNeitherRenderedNorSent() throws Exception {
        doThrow(new AlreadyWithDepartmentException("SGM-2026-0000042 is FORWARDED")).when(dispatcher).prepare(any());

        producer.sendBody(HEALTH, MESSAGE);

        // Consumed once and left alone: not redelivered, never rendered, never sent.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).prepare(any()));
        assertThat(request.getReceivedCounter()).isZero();
        assertThat(requestsTo(REGISTRATIONS)).isZero();
        verify(dispatcher, never()).accepted(any());
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void aRefusalIsADeadLetterThatSaysWhyAndIsNeitherAcceptedNorSentAgain() throws Exception {
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"err_cd\":\"E-217\",\"err_msg\":\"Home births are registered by the Registrar.\"}")));
        List<Exception> caught = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            caught.add(call.<Exchange>getArgument(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
            return null;
        }).when(dispatcher).refused(any());

        producer.sendBody(HEALTH, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).refused(any()));
        assertThat(caught).singleElement().satisfies(refusal -> assertThat(refusal)
                .isInstanceOf(DepartmentRefusedException.class)
                .hasMessage("Home births are registered by the Registrar. (HTTP 422)"));
        assertThat(requestsTo(REGISTRATIONS)).isEqualTo(1);
        // The department answered as it should: a refusal does not count against its circuit.
        verify(health).succeeded("health");
        assertThat(HEALTH_CIRCUIT.getMetrics().getNumberOfFailedCalls()).isZero();
        verify(dispatcher, never()).accepted(any());
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void aDepartmentThatIsUnavailableIsCalledOncePerAttemptThenTheMessageIsRolledBackForTheBrokerToRedeliver()
            throws Exception {
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            redelivered.add(exchange.getMessage().getHeader("JMSRedelivered", false, Boolean.class));
            exchange.getMessage().setBody(Map.of("application", "model"));
            return null;
        }).when(dispatcher).prepare(any());
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).willReturn(aResponse().withStatus(503)));
        long failedBefore = HEALTH_CIRCUIT.getMetrics().getNumberOfFailedCalls();

        producer.sendBody(HEALTH, MESSAGE);

        // One request per attempt of the route (the first and its retries), each through the circuit breaker: the
        // HTTP client does not try again by itself.
        await().atMost(Duration.ofSeconds(30)).until(() -> redelivered.size() >= 2);
        assertThat(DEPARTMENT.findAll(postRequestedFor(urlPathEqualTo(REGISTRATIONS))).size())
                .isGreaterThanOrEqualTo(ATTEMPTS);
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).atPriority(1)
                .willReturn(okJson(ACCEPTED).withStatus(202)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !accepted.isEmpty());
        // The same message again: the broker's redelivery, not a dead letter and not a copy.
        assertThat(redelivered.get(0)).isFalse();
        assertThat(redelivered.subList(1, redelivered.size())).containsOnly(true);
        verify(health, atLeast(ATTEMPTS)).failed("health", "answered 503");
        verify(dispatcher, never()).cannotDispatch(any());
        verify(dispatcher, never()).refused(any());
        // Every failed request counted against the department's circuit, and only those.
        long failedRequests = DEPARTMENT.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 503).count();
        assertThat(failedRequests).isGreaterThanOrEqualTo(ATTEMPTS);
        assertThat(HEALTH_CIRCUIT.getMetrics().getNumberOfFailedCalls() - failedBefore).isEqualTo(failedRequests);
    }

    @Test
    void oneFailingCallIsOneRequestPerAttempt() throws Exception {
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            redelivered.add(exchange.getMessage().getHeader("JMSRedelivered", false, Boolean.class));
            exchange.getMessage().setBody(Map.of("application", "model"));
            // One delivery only: the second is left alone, so the requests of exactly one delivery are counted.
            if (redelivered.size() > 1) {
                throw new AlreadyWithDepartmentException("counted enough");
            }
            return null;
        }).when(dispatcher).prepare(any());
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).willReturn(aResponse().withStatus(503)));

        producer.sendBody(HEALTH, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> redelivered.size() >= 2);
        assertThat(requestsTo(REGISTRATIONS)).isEqualTo(ATTEMPTS);
    }

    @Test
    void aDepartmentThatCannotBeReachedIsNotedAndTriedAgain() throws Exception {
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            redelivered.add(exchange.getMessage().getHeader("JMSRedelivered", false, Boolean.class));
            exchange.getMessage().setBody(Map.of("application", "model"));
            if (redelivered.size() > 1) {
                throw new AlreadyWithDepartmentException("counted enough");
            }
            return null;
        }).when(dispatcher).prepare(any());
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        producer.sendBody(HEALTH, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> redelivered.size() >= 2);
        assertThat(requestsTo(REGISTRATIONS)).isEqualTo(ATTEMPTS);
        verify(health, times(ATTEMPTS)).failed("health", "could not be reached");
    }

    @Test
    void whileTheCircuitIsOpenTheDepartmentIsNotCalledAndTheMessageWaitsInTheBroker() throws Exception {
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            redelivered.add(exchange.getMessage().getHeader("JMSRedelivered", false, Boolean.class));
            exchange.getMessage().setBody(Map.of("application", "model"));
            if (redelivered.size() > 1) {
                HEALTH_CIRCUIT.transitionToClosedState();
            }
            return null;
        }).when(dispatcher).prepare(any());
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).willReturn(okJson(ACCEPTED).withStatus(202)));
        HEALTH_CIRCUIT.transitionToForcedOpenState();

        producer.sendBody(HEALTH, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> !accepted.isEmpty());
        assertThat(redelivered).containsExactly(false, true);
        assertThat(requestsTo(REGISTRATIONS)).isEqualTo(1);
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void whatTryingAgainCannotMendIsADeadLetterAtOnceAndConsumed() throws Exception {
        doThrow(new CannotDispatchException("there is no application SGM-2026-0000042"))
                .when(dispatcher).prepare(any());
        List<Exception> caught = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            caught.add(call.<Exchange>getArgument(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
            return null;
        }).when(dispatcher).cannotDispatch(any());

        producer.sendBody(HEALTH, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).cannotDispatch(any()));
        assertThat(caught).singleElement().isInstanceOf(CannotDispatchException.class);
        verify(dispatcher, times(1)).prepare(any());
        assertThat(requestsTo(REGISTRATIONS)).isZero();
    }

    @Test
    void aRequestThatCannotBeRenderedIsADeadLetterAndNothingIsSent() throws Exception {
        request.whenAnyExchangeReceived(exchange -> {
            throw new TemplateException("The following has evaluated to null or missing: codes.district[\"Leh\"]",
                    null);
        });

        producer.sendBody(HEALTH, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).cannotDispatch(any()));
        assertThat(requestsTo(REGISTRATIONS)).isZero();
        verify(dispatcher, never()).accepted(any());
    }

    @Test
    void anAnswerThatCannotBeUsedIsADeadLetterAndTheApplicationIsNotSentAgain() throws Exception {
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).willReturn(okJson(ACCEPTED).withStatus(202)));
        doThrow(new CannotDispatchException("health accepted the application, but its answer has no reference"))
                .when(dispatcher).accepted(any());

        producer.sendBody(HEALTH, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).cannotDispatch(any()));
        assertThat(requestsTo(REGISTRATIONS)).isEqualTo(1);
    }

    @Test
    void anAnswerTheHubCouldNotRecordIsRecordedAgainWithoutSendingTheApplicationAgain() throws Exception {
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).willReturn(okJson(ACCEPTED).withStatus(202)));
        doThrow(new AnswerNotRecordedException("health's answer could not be recorded", null))
                .doAnswer(call -> {
                    accepted.add(Map.of("answer", call.<Exchange>getArgument(0).getMessage().getBody(String.class)));
                    return null;
                }).when(dispatcher).accepted(any());

        producer.sendBody(HEALTH, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> !accepted.isEmpty());
        verify(dispatcher, times(2)).accepted(any());
        assertThat(accepted).singleElement().isEqualTo(Map.of("answer", ACCEPTED));
        assertThat(requestsTo(REGISTRATIONS)).isEqualTo(1);
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void anAnswerTheHubCannotRecordForLongGoesBackToTheQueueWithTheAnswerAndIsNeverSentAgain() throws Exception {
        DEPARTMENT.stubFor(post(urlPathEqualTo(REGISTRATIONS)).willReturn(okJson(ACCEPTED).withStatus(202)));
        List<String> messages = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            messages.add(exchange.getMessage().getBody(String.class));
            exchange.setProperty(Dispatcher.DISPATCH_MESSAGE, "{\"applicationId\":\"SGM-2026-0000042\","
                    + "\"departmentAnswer\":" + quoted(ACCEPTED) + "}");
            exchange.getMessage().setBody(Map.of("application", "model"));
            return null;
        }).when(dispatcher).prepare(any());
        // Every attempt of the first delivery fails; the message that comes back is recorded.
        var failing = doThrow(new AnswerNotRecordedException("health's answer could not be recorded", null));
        for (int i = 1; i < ATTEMPTS; i++) {
            failing = failing.doThrow(new AnswerNotRecordedException("still not", null));
        }
        failing.doAnswer(call -> {
            accepted.add(Map.of("answer", call.<Exchange>getArgument(0).getMessage().getBody(String.class)));
            return null;
        }).when(dispatcher).accepted(any());

        producer.sendBody(HEALTH, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> !accepted.isEmpty());
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1)).contains("\"departmentAnswer\"");
        assertThat(accepted).singleElement().isEqualTo(Map.of("answer", ACCEPTED));
        assertThat(requestsTo(REGISTRATIONS)).isEqualTo(1);
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }

    @Test
    void aSoapServiceAnswerIsReadWithXPath() throws Exception {
        DEPARTMENT.stubFor(post(urlPathEqualTo(SERVICE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(envelope("<rev:SubmitApplicationResponse "
                        + "xmlns:rev=\"urn:jk:revenue:applications:v1\"><rev:caseNumber>REV/2026/1</rev:caseNumber>"
                        + "<rev:statusCode>RECEIVED</rev:statusCode></rev:SubmitApplicationResponse>"))));

        producer.sendBody(REVENUE, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).until(() -> !accepted.isEmpty());
        assertThat(accepted.get(0)).containsEntry("reference", "REV/2026/1").containsEntry("status", "RECEIVED");
        assertThat(DEPARTMENT.findAll(postRequestedFor(urlPathEqualTo(SERVICE))
                .withHeader("SOAPAction", equalTo("\"urn:jk:revenue:applications:v1:SubmitApplication\""))))
                .hasSize(1);
    }

    @Test
    void aSoapClientFaultIsARefusalAndAServerFaultIsTriedAgain() throws Exception {
        List<Exception> caught = refusalsCaught();
        faultsInTurn(SERVICE, fault("soapenv:Server", "Land records database not reachable"),
                fault("soapenv:Client.Validation", "Tehsil 'Atlantis' is not known"));

        producer.sendBody(REVENUE, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(dispatcher).refused(any()));
        assertThat(caught).singleElement().satisfies(refusal -> assertThat(refusal)
                .isInstanceOf(DepartmentRefusedException.class)
                .hasMessage("Tehsil 'Atlantis' is not known (SOAP fault soapenv:Client.Validation)"));
        verify(health).failed("revenue", "SOAP fault soapenv:Server");
        assertThat(requestsTo(SERVICE)).isEqualTo(2);
        verify(dispatcher, never()).accepted(any());
    }

    @Test
    void aFaultCodeTheDepartmentDeclaresIsARefusalAndAnotherServerFaultIsTriedAgain() throws Exception {
        List<Exception> caught = refusalsCaught();
        // The first fault's code differs from a declared one only where the declared one has its dot: it is a failure.
        faultsInTurn(MUTATIONS, fault("soapenv:ServerXNoSuchApplicant", "Try again later"),
                fault("soapenv:Server.NoSuchApplicant", "No khata of this applicant"));

        producer.sendBody(LAND, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(dispatcher).refused(any()));
        assertThat(caught).singleElement().satisfies(refusal -> assertThat(refusal)
                .isInstanceOf(DepartmentRefusedException.class)
                .hasMessage("No khata of this applicant (SOAP fault soapenv:Server.NoSuchApplicant)"));
        verify(health).failed("land", "SOAP fault soapenv:ServerXNoSuchApplicant");
        assertThat(requestsTo(MUTATIONS)).isEqualTo(2);
        assertThat(DEPARTMENT.findAll(postRequestedFor(urlPathEqualTo(MUTATIONS))
                .withHeader("SOAPAction", equalTo("\"urn:jk:land:mutations:v1:SubmitMutation\"")))).hasSize(2);
        verify(dispatcher, never()).accepted(any());
    }

    @Test
    void anAnswerWithADoctypeIsNeverParsedButADeadLetterAndTheApplicationIsNotSentAgain() throws Exception {
        // An external entity would make the hub read a file of its own if the answer were parsed with DTDs on.
        DEPARTMENT.stubFor(post(urlPathEqualTo(SERVICE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + envelope("<rev:SubmitApplicationResponse xmlns:rev=\"urn:jk:revenue:applications:v1\">"
                        + "<rev:caseNumber>&x;</rev:caseNumber></rev:SubmitApplicationResponse>"))));
        List<Exception> caught = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            caught.add(call.<Exchange>getArgument(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
            return null;
        }).when(dispatcher).unreadable(any());

        producer.sendBody(REVENUE, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).unreadable(any()));
        assertThat(caught).singleElement().satisfies(unusable -> assertThat(unusable).rootCause()
                .hasMessageContaining("DOCTYPE is disallowed"));
        assertThat(requestsTo(SERVICE)).isEqualTo(1);
        verify(dispatcher, never()).accepted(any());
    }

    /** The exceptions the dispatcher is handed as refusals. */
    private List<Exception> refusalsCaught() {
        List<Exception> caught = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            caught.add(call.<Exchange>getArgument(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
            return null;
        }).when(dispatcher).refused(any());
        return caught;
    }

    /** The service at the path answers its first request with one fault, and every later one with the other. */
    private static void faultsInTurn(String path, String first, String then) {
        DEPARTMENT.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500).withBody(first))
                .inScenario(path).whenScenarioStateIs("Started").willSetStateTo("first fault"));
        DEPARTMENT.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500).withBody(then))
                .inScenario(path).whenScenarioStateIs("first fault"));
    }

    private static String fault(String code, String reason) {
        return envelope("<soapenv:Fault><faultcode>" + code + "</faultcode><faultstring>" + reason
                + "</faultstring></soapenv:Fault>");
    }

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }
}
