package in.gov.sangam.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.messaging.Addresses;
import in.gov.sangam.support.CompletionEvents;
import in.gov.sangam.support.RouteSlice;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The completion subscribers' route template ({@code routes/completion-events.yaml}) on its own: both subscriber
 * routes on a real embedded broker (the multicast address and its two durable queues, as the hub declares them), the
 * hub's own consumed-events repositories on an in-memory database migrated by the hub's Flyway scripts, and each
 * subscriber's handler a mock endpoint. It checks that each subscriber takes an event once, skips it when it comes
 * again, and that a handler failing rolls back the handler's work and the record together.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = {RouteSlice.class, CompletionEventsRouteTest.Database.class,
    ConsumedEventsConfiguration.class}, properties = {
    "camel.main.routes-include-pattern=classpath:routes/completion-events.yaml",
    "spring.datasource.url=jdbc:h2:mem:completion-events-route;DB_CLOSE_DELAY=-1",
    "spring.flyway.locations=classpath:db/migration",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
class CompletionEventsRouteTest {

    private static final String ADDRESS = "jms:topic:" + Addresses.APPLICATION_COMPLETED;

    /** An in-memory database with the hub's schema, its transactions, and the completion address on the broker. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class})
    static class Database {
        @Bean
        ArtemisConfigurationCustomizer completionAddress() {
            return configuration -> configuration.addAddressConfiguration(new CoreAddressConfiguration()
                    .setName(Addresses.APPLICATION_COMPLETED)
                    .addRoutingType(RoutingType.MULTICAST)
                    .addQueueConfiguration(subscription(Addresses.FEEDBACK_SUBSCRIPTION))
                    .addQueueConfiguration(subscription(Addresses.APPEAL_SUBSCRIPTION)));
        }

        /**
         * The subscribers' own handler routes (routes/feedback.yaml, routes/appeals.yaml) are not part of the
         * template: stand-ins take their ids.
         */
        @Bean
        RouteBuilder subscriberHandlers() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:feedback-completed").routeId("feedback-completed").log("feedback");
                    from("direct:appeal-completed").routeId("appeal-completed").log("appeal");
                }
            };
        }

        /** The feedback subscriber's repository, watched: no failed delivery may ever remove an id (see the route). */
        @Bean
        static BeanPostProcessor watchedFeedbackRepository() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return "feedbackConsumedEvents".equals(name) ? Mockito.spy(bean) : bean;
                }
            };
        }

        private static QueueConfiguration subscription(String subscriber) {
            return QueueConfiguration.of(subscriber).setAddress(Addresses.APPLICATION_COMPLETED)
                    .setRoutingType(RoutingType.MULTICAST).setDurable(true);
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("feedbackConsumedEvents")
    IdempotentRepository feedbackRepository;

    MockEndpoint feedback;
    MockEndpoint appeal;
    CompletionEvents events;

    @BeforeEach
    void routes() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "feedback-completed", route -> route.weaveAddLast().to("mock:feedback"));
            AdviceWith.adviceWith(camel, "appeal-completed", route -> route.weaveAddLast().to("mock:appeal"));
            camel.start();
            jdbc.sql("CREATE TABLE feedback_effect (event_id VARCHAR(64) NOT NULL)").update();
        }
        feedback = camel.getEndpoint("mock:feedback", MockEndpoint.class);
        appeal = camel.getEndpoint("mock:appeal", MockEndpoint.class);
        feedback.reset();
        appeal.reset();
        events = new CompletionEvents(jdbc);
    }

    private void publish(String eventId) {
        producer.sendBodyAndHeader(ADDRESS, "{\"eventId\":\"" + eventId + "\",\"applicationId\":\"SGM-2026-0000042\","
                + "\"status\":\"DELIVERED\"}", "SangamMessageId", eventId);
    }

    @Test
    void eachSubscriberTakesAnEventOnceAndRecordsIt() throws Exception {
        String eventId = UUID.randomUUID().toString();
        feedback.expectedMessageCount(1);
        appeal.expectedMessageCount(1);

        publish(eventId);

        MockEndpoint.assertIsSatisfied(camel);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1
                && events.consumedBy("appeal", eventId) == 1);
    }

    @Test
    void anEventThatComesAgainIsSkippedByEachSubscriber() {
        String eventId = UUID.randomUUID().toString();
        publish(eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1
                && events.consumedBy("appeal", eventId) == 1);

        // Sent again as a new broker message (a replayed dead letter, the reconciler): the same eventId.
        publish(eventId);
        String next = UUID.randomUUID().toString();
        publish(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", next) == 1
                && events.consumedBy("appeal", next) == 1);
        assertThat(feedback.getReceivedCounter()).isEqualTo(2);
        assertThat(appeal.getReceivedCounter()).isEqualTo(2);
        assertThat(events.consumedBy("feedback", eventId)).isEqualTo(1);
    }

    @Test
    void aHandlerThatFailsLeavesNoTraceAndTheRedeliveredEventIsTakenOnce() {
        String eventId = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        feedback.whenAnyExchangeReceived(exchange -> {
            // The subscriber's own work, in the route's database transaction...
            jdbc.sql("INSERT INTO feedback_effect (event_id) VALUES (:id)").param("id", eventId).update();
            if (attempts.incrementAndGet() == 1) {
                // ...which fails the first time: the work and the record of the event roll back together.
                throw new IllegalStateException("the SMS gateway is away");
            }
        });

        publish(eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("feedback", eventId) == 1);
        assertThat(attempts).hasValue(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_effect WHERE event_id = :id").param("id", eventId)
                .query(Integer.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.consumedBy("appeal", eventId) == 1);
        assertThat(appeal.getReceivedCounter()).isEqualTo(1);
        // The rollback took the failed attempt's record back. Had Camel also removed the id after it, on its own,
        // it could have deleted the record another delivery of the event had committed meanwhile.
        Mockito.verify(feedbackRepository, Mockito.never()).remove(Mockito.anyString());
    }
}
