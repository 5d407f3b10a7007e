package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The survey SMS sender's error handling (see {@link SmsSenderRouteSlice}): a refusal kept and consumed, a failing
 * gateway tried again in place.
 */
@TestPropertySource(properties = "sangam.sms.max-per-minute=600")
class SmsSenderRouteTest extends SmsSenderRouteSlice {

    @Test
    void aRefusalIsKeptOnceAndTheMessageConsumed() {
        refuse = true;

        producer.sendBody(QUEUE, "refused");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> verify(sending).refused(any()));
        assertThat(atTheGateway).containsExactly("refused");
        verify(sending, never()).sent(any());
    }

    @Test
    void aFailingGatewayIsTriedAgainInPlace() {
        failuresToCome.set(2);

        producer.sendBody(QUEUE, "tried again");

        await().atMost(Duration.ofSeconds(20)).until(() -> recordedSent.contains("tried again"));
        assertThat(atTheGateway).containsExactly("tried again", "tried again", "tried again");
        verify(sending, never()).refused(any());
    }
}
