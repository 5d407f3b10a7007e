package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import in.gov.sangam.support.RouteSlice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The survey SMS sender ({@code routes/feedback.yaml}) on its own, for its tests: the SMS queue on a real embedded
 * broker, the gateway connector a route of the test's that records each call and refuses or fails on demand, the
 * feedback beans mocks. (Whether a survey SENT is sent again is the whole hub's to show: SurveySmsTest.)
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/feedback.yaml",
    "sangam.feedback.send-poll-interval-ms=3600000", "sangam.sms.retries=2", "sangam.sms.retry-delay-ms=10",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
abstract class SmsSenderRouteSlice {

    static final String QUEUE = "jms:queue:sangam.sms.outgoing";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "surveySending")
    SurveySending sending;
    @MockitoBean(name = "surveyRequests")
    SurveyRequests requests;

    /** What reached the gateway, and what it does with each call (static: the route outlives each test's instance). */
    static final List<String> atTheGateway = new CopyOnWriteArrayList<>();
    static final AtomicInteger failuresToCome = new AtomicInteger();
    static volatile boolean refuse;
    static final List<String> recordedSent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void gateway() throws Exception {
        // Stubbed before the routes run: Mockito must not see the routes' calls while a stubbing is under way.
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            String body = exchange.getMessage().getBody(String.class);
            exchange.setProperty(SurveySending.SURVEY_ID, 1L);
            exchange.getMessage().setHeader("SmsText", body);
            return null;
        }).when(sending).prepare(any());
        doAnswer(call -> {
            recordedSent.add(((Exchange) call.getArgument(0)).getMessage().getHeader("SmsText", String.class));
            return null;
        }).when(sending).sent(any());
        if (!camel.isStarted()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sms-gateway").routeId("test-gateway").errorHandler(noErrorHandler())
                            .process(exchange -> {
                                atTheGateway.add(exchange.getMessage().getHeader("SmsText", String.class));
                                if (refuse) {
                                    throw new SmsRefusedException("Invalid receiver number (HTTP 400)");
                                }
                                if (failuresToCome.getAndDecrement() > 0) {
                                    throw new SmsGatewayUnavailableException("The SMS gateway answered 503");
                                }
                            });
                }
            });
            camel.start();
            // As SmsGatewayRoute starts it once the gateway's route is there.
            camel.getRouteController().startRoute("feedback-sms-sender");
        }
        atTheGateway.clear();
        recordedSent.clear();
        failuresToCome.set(0);
        refuse = false;
    }
}
