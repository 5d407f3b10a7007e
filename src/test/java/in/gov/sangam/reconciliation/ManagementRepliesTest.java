package in.gov.sangam.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the broker's answers to the management operations the reconciler asks. */
class ManagementRepliesTest {

    @Test
    void theScheduledMessagesPropertyValuesAreRead() {
        String reply = """
                [{"messageID":81,"address":"sangam.dispatch.health","durable":true,"priority":4,
                  "SangamApplicationId":"SGM-2026-0000001","SangamMessageType":"DispatchRequested"},
                 {"messageID":82,"address":"sangam.dispatch.health","SangamApplicationId":"SGM-2026-0000002"},
                 {"messageID":83,"address":"sangam.dispatch.health"}]""";

        assertThat(ManagementReplies.scheduled(reply, "SangamApplicationId"))
                .containsExactlyInAnyOrder("SGM-2026-0000001", "SGM-2026-0000002");
    }

    @Test
    void theMessagesDeliveredToEachConsumerAreRead() {
        String reply = """
                [{"consumerName":"ServerConsumer [id=0, filter=null, binding=...]",
                  "elements":[{"messageID":91,"SangamApplicationId":"SGM-2026-0000003"}]},
                 {"consumerName":"ServerConsumer [id=1, filter=null, binding=...]",
                  "elements":[{"messageID":92,"SangamApplicationId":"SGM-2026-0000004"},
                              {"messageID":93,"SangamApplicationId":7}]}]""";

        assertThat(ManagementReplies.delivering(reply, "SangamApplicationId"))
                .containsExactlyInAnyOrder("SGM-2026-0000003", "SGM-2026-0000004");
    }

    @Test
    void anEmptyQueueHasNoValues() {
        assertThat(ManagementReplies.scheduled("[]", "SangamApplicationId")).isEmpty();
        assertThat(ManagementReplies.delivering("[]", "SangamApplicationId")).isEmpty();
    }

    @Test
    void anAnswerThatIsNoListIsAnErrorNotAnEmptyQueue() {
        // Taking it for an empty queue would make every application look stuck.
        assertThatThrownBy(() -> ManagementReplies.scheduled("\"queue not found\"", "SangamApplicationId"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ManagementReplies.delivering("{oops", "SangamApplicationId"))
                .isInstanceOf(IllegalStateException.class);
    }
}
