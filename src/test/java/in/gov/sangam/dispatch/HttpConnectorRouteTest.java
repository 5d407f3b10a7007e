package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import freemarker.template.TemplateException;
import in.gov.sangam.support.RouteSlice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The HTTP connector's route template ({@code routes/connector-http.yaml}) on its own: a department's queue on a
 * real embedded broker, the dispatcher a mock, the request template a mock endpoint. What is checked is the route's
 * own decisions: what is sent, what becomes a dead letter, what is rolled back for the broker to redeliver.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/connector-http.yaml",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
class HttpConnectorRouteTest {

    private static final String QUEUE = "jms:queue:sangam.dispatch.health";
    private static final String MESSAGE = "{\"applicationId\":\"SGM-2026-0000042\"}";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "dispatcher")
    Dispatcher dispatcher;

    MockEndpoint request;

    @BeforeEach
    void route() throws Exception {
        if (!camel.isStarted()) {
            TemplatedRouteBuilder.builder(camel, "http-connector").routeId("dispatch-health")
                    .parameter("department", "health")
                    .parameter("template", "connectors/health/mappings/submit-request.json.ftl")
                    .add();
            AdviceWith.adviceWith(camel, "dispatch-health",
                    route -> route.weaveByToUri("freemarker:*").replace().to("mock:request"));
            camel.start();
        }
        request = camel.getEndpoint("mock:request", MockEndpoint.class);
        request.reset();
        // By default the dispatcher prepares a model and the department takes the application.
        doAnswer(call -> {
            call.<Exchange>getArgument(0).getMessage().setBody(Map.of("application", "model"));
            return null;
        }).when(dispatcher).prepare(any());
        doAnswer(call -> {
            call.<Exchange>getArgument(0).getMessage().setBody("{\"ack_no\":\"HLT/1\"}");
            return null;
        }).when(dispatcher).send(any());
    }

    @Test
    void anApplicationIsRenderedSentAndAccepted() throws Exception {
        request.expectedBodiesReceived(Map.of("application", "model"));
        request.expectedPropertyReceived("SangamDepartment", "health");

        producer.sendBody(QUEUE, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(dispatcher).accepted(any()));
        request.assertIsSatisfied();
        verify(dispatcher).send(any());
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void anApplicationAlreadyWithItsDepartmentIsNeitherRenderedNorSent() throws Exception {
        doAnswer(call -> {
            call.<Exchange>getArgument(0).setProperty(Dispatcher.ALREADY_DISPATCHED, true);
            return null;
        }).when(dispatcher).prepare(any());

        producer.sendBody(QUEUE, MESSAGE);

        // Consumed once and left alone: not redelivered, never rendered, never sent.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).prepare(any()));
        assertThat(request.getReceivedCounter()).isZero();
        verify(dispatcher, never()).send(any());
        verify(dispatcher, never()).accepted(any());
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void aRefusalIsNotTakenAsAnAcceptanceNorSentAgain() throws Exception {
        doAnswer(call -> {
            // The dispatcher keeps the refusal as a dead letter itself and says so.
            call.<Exchange>getArgument(0).setProperty(Dispatcher.REFUSED, true);
            return null;
        }).when(dispatcher).send(any());

        producer.sendBody(QUEUE, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).send(any()));
        verify(dispatcher, never()).accepted(any());
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void aDepartmentThatIsUnavailableRollsTheMessageBackForTheBrokerToRedeliver() throws Exception {
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            redelivered.add(exchange.getMessage().getHeader("JMSRedelivered", false, Boolean.class));
            exchange.getMessage().setBody(Map.of("application", "model"));
            return null;
        }).when(dispatcher).prepare(any());
        doThrow(new DepartmentUnavailableException("health answered 503", null))
                .doAnswer(call -> {
                    call.<Exchange>getArgument(0).getMessage().setBody("{\"ack_no\":\"HLT/1\"}");
                    return null;
                }).when(dispatcher).send(any());

        producer.sendBody(QUEUE, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(dispatcher).accepted(any()));
        // The same message twice: the broker's redelivery, not a dead letter and not a copy.
        assertThat(redelivered).containsExactly(false, true);
        verify(dispatcher, times(2)).send(any());
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

        producer.sendBody(QUEUE, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).cannotDispatch(any()));
        assertThat(caught).singleElement().isInstanceOf(CannotDispatchException.class);
        verify(dispatcher, times(1)).prepare(any());
        verify(dispatcher, never()).send(any());
    }

    @Test
    void aRequestThatCannotBeRenderedIsADeadLetterAndNothingIsSent() throws Exception {
        request.whenAnyExchangeReceived(exchange -> {
            throw new TemplateException("The following has evaluated to null or missing: codes.district[\"Leh\"]",
                    null);
        });

        producer.sendBody(QUEUE, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).cannotDispatch(any()));
        verify(dispatcher, never()).send(any());
        verify(dispatcher, never()).accepted(any());
    }

    @Test
    void anAnswerThatCannotBeUsedIsADeadLetterAndTheApplicationIsNotSentAgain() throws Exception {
        doThrow(new CannotDispatchException("health accepted the application, but its answer has no reference"))
                .when(dispatcher).accepted(any());

        producer.sendBody(QUEUE, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).cannotDispatch(any()));
        verify(dispatcher, times(1)).send(any());
    }
}
