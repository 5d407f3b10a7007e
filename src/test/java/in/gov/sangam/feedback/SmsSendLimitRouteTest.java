package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The survey SMS sender (see {@link SmsSenderRouteSlice}) with a limit of two SMS a minute: the third waits. (A
 * context of its own: the limit's minute outlives a test.)
 */
@TestPropertySource(properties = "sangam.sms.max-per-minute=2")
class SmsSendLimitRouteTest extends SmsSenderRouteSlice {

    @Test
    void atMostMaxPerMinuteGoToTheGatewayAndTheRestWait() {
        for (int i = 1; i <= 3; i++) {
            producer.sendBody(QUEUE, "survey " + i);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> recordedSent.size() == 2);
        // The third waits for the next minute: taken from the queue and held back, not sent.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> atTheGateway.size() == 2);
        assertThat(recordedSent).containsExactlyInAnyOrder("survey 1", "survey 2");
    }
}
