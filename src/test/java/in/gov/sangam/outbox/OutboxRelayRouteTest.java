package in.gov.sangam.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import in.gov.sangam.messaging.BrokerTransactionPolicy;
import in.gov.sangam.support.DispatchQueues;
import in.gov.sangam.support.RouteSlice;
import jakarta.jms.Message;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The outbox relay route ({@code routes/outbox-relay.yaml}) on its own: the outbox (the database) a mock, the broker
 * a real embedded Artemis, the timer replaced by a direct endpoint the test ticks. It checks what the relay publishes,
 * where, with which ids, what it marks published or failed, and that a message published twice arrives once.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = {RouteSlice.class, BrokerTransactionPolicy.class, OutboxRelayRouteTest.Relay.class},
    properties = {
    "camel.main.routes-include-pattern=classpath:routes/outbox-relay.yaml",
    "sangam.outbox.relay-enabled=true", "sangam.outbox.poll-interval-ms=60000",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
class OutboxRelayRouteTest {

    private static final String TICK = "direct:outbox-relay";

    /** The real relay bean, over the mocked outbox. */
    static class Relay {
        @Bean
        OutboxRelay outboxRelay(Outbox outbox) {
            return new OutboxRelay(outbox, 100);
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JmsTemplate jms;
    @MockitoBean
    Outbox outbox;

    DispatchQueues queues;

    @BeforeEach
    void route() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "outbox-relay", route -> route.replaceFromWith(TICK));
            // One destination the broker refuses, as a full or unreachable broker does, in a batch or alone.
            for (String publishing : List.of("outbox-publish-batch", "outbox-publish-each")) {
                AdviceWith.adviceWith(camel, publishing, route -> route.weaveByToUri("jms:*").before()
                        .process(exchange -> {
                            if ("queue:sangam.refused".equals(exchange.getMessage().getHeader("SangamDestination"))) {
                                throw new IllegalStateException("AMQ219016: sangam.refused is full");
                            }
                        }));
            }
            camel.start();
        }
        queues = new DispatchQueues(jms);
    }

    private static OutboxMessage message(long id, String destination, String applicationId) {
        return new OutboxMessage(id, UUID.randomUUID().toString(), destination, "DispatchRequested", applicationId,
                "{\"applicationId\":\"" + applicationId + "\"}");
    }

    @Test
    void eachClaimedMessageIsPublishedToItsDestinationWithItsIdsAndMarkedPublished() throws Exception {
        OutboxMessage health = message(1, "queue:sangam.dispatch.health", "SGM-2026-0000101");
        OutboxMessage revenue = message(2, "queue:sangam.dispatch.revenue", "SGM-2026-0000102");
        when(outbox.claim(anyInt())).thenReturn(List.of(health, revenue));

        producer.sendBody(TICK, null);

        Message sent = queues.messagesFor("sangam.dispatch.health", "SGM-2026-0000101").get(0);
        assertThat(DispatchQueues.text(sent)).isEqualTo(health.payload());
        assertThat(sent.getStringProperty(OutboxRelay.MESSAGE_ID_HEADER)).isEqualTo(health.messageId());
        assertThat(sent.getStringProperty(OutboxRelay.MESSAGE_TYPE_HEADER)).isEqualTo("DispatchRequested");
        assertThat(sent.getStringProperty(OutboxRelay.DUPLICATE_DETECTION_HEADER)).isEqualTo(health.messageId());
        assertThat(queues.messagesFor("sangam.dispatch.revenue", "SGM-2026-0000102")).hasSize(1);
        assertThat(queues.messagesFor("sangam.dispatch.revenue", "SGM-2026-0000101")).isEmpty();
        // One broker transaction, one statement for the batch.
        verify(outbox).markPublished(List.of(1L, 2L));
        verify(outbox, never()).markPublished(anyLong());
        verify(outbox, never()).markFailed(anyLong(), anyString());
    }

    @Test
    void aMessageThatCannotBePublishedIsMarkedFailedAndTheRestOfTheBatchGoesOn() throws Exception {
        OutboxMessage lost = message(3, "queue:sangam.refused", "SGM-2026-0000103");
        OutboxMessage next = message(4, "queue:sangam.dispatch.health", "SGM-2026-0000104");
        when(outbox.claim(anyInt())).thenReturn(List.of(lost, next));

        producer.sendBody(TICK, null);

        ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
        verify(outbox).markFailed(eq(3L), reason.capture());
        assertThat(reason.getValue()).contains("sangam.refused is full");
        verify(outbox, never()).markPublished(3);
        verify(outbox).markPublished(4);
        verify(outbox, never()).markPublished(anyList());
        assertThat(queues.messagesFor("sangam.dispatch.health", "SGM-2026-0000104")).hasSize(1);
    }

    @Test
    void aBatchWithARefusedMessageIsRolledBackAndPublishedOneByOne() throws Exception {
        // The batch's first message was sent in its transaction before the broker refused the second: rolled back,
        // then published alone, so it arrives once and is marked once.
        OutboxMessage first = message(6, "queue:sangam.dispatch.health", "SGM-2026-0000106");
        OutboxMessage refused = message(7, "queue:sangam.refused", "SGM-2026-0000107");
        when(outbox.claim(anyInt())).thenReturn(List.of(first, refused));

        producer.sendBody(TICK, null);

        verify(outbox).markPublished(6);
        verify(outbox).markFailed(eq(7L), anyString());
        verify(outbox, never()).markPublished(anyList());
        assertThat(queues.messagesFor("sangam.dispatch.health", "SGM-2026-0000106")).hasSize(1);
    }

    @Test
    void aMessagePublishedAgainBeforeItWasMarkedArrivesOnce() throws Exception {
        // The relay died between publishing and marking: the lease ran out and the message is claimed again.
        OutboxMessage twice = message(5, "queue:sangam.dispatch.health", "SGM-2026-0000105");
        when(outbox.claim(anyInt())).thenReturn(List.of(twice));

        producer.sendBody(TICK, null);
        producer.sendBody(TICK, null);

        // The first time in a batch; the second batch holds a copy the broker has seen, so it rolls back whole
        // (Artemis refuses a transaction with a duplicate), and alone the copy is dropped and the message marked.
        verify(outbox).markPublished(List.of(5L));
        verify(outbox).markPublished(5);
        assertThat(queues.messagesFor("sangam.dispatch.health", "SGM-2026-0000105")).hasSize(1);
    }

    @Test
    void nothingClaimedNothingPublished() {
        when(outbox.claim(anyInt())).thenReturn(List.of());

        producer.sendBody(TICK, null);

        verify(outbox, never()).markPublished(anyLong());
        verify(outbox, never()).markPublished(anyList());
        verify(outbox, never()).markFailed(anyLong(), anyString());
    }
}
