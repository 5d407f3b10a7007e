package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.messaging.Addresses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The completion events a hub wrote and where they went, read once its process is gone: the outbox rows
 * ({@code ApplicationCompleted}, one per application that reached DELIVERED or REJECTED), how often the broker routed
 * each to the subscribers (the test's own subscriber, {@link BrokerJournal#WITNESS}, keeps every copy), and what each
 * subscriber consumed (its idempotent consumer's record in {@code CAMEL_MESSAGEPROCESSED}, processor
 * {@code completion-<subscriber>}, by event id) or has still waiting in its queue.
 */
record DeliveredCompletionEvents(Map<String, List<String>> byApplication, Map<String, Integer> routed,
        Map<String, Map<String, Integer>> consumed, Map<String, Map<String, Integer>> waiting) {

    static final List<String> SUBSCRIBERS = List.of(Addresses.FEEDBACK_SUBSCRIPTION, Addresses.APPEAL_SUBSCRIPTION);

    static DeliveredCompletionEvents read(HubDatabase database, Path dataDir) throws Exception {
        Map<String, List<String>> byApplication = new HashMap<>();
        Map<String, Map<String, Integer>> consumed = new HashMap<>();
        try (HubDatabase.Reader reader = database.open(dataDir)) {
            assertThat(reader.jdbc().sql("SELECT COUNT(*) FROM outbox_message WHERE published_at IS NULL")
                    .query(Integer.class).single()).as("outbox messages never published").isZero();
            reader.jdbc().sql("SELECT aggregate_id, message_id FROM outbox_message WHERE message_type = :type")
                    .param("type", "ApplicationCompleted")
                    .query((rs, row) -> byApplication.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(rs.getString(2)))
                    .list();
            for (String subscriber : SUBSCRIBERS) {
                Map<String, Integer> byId = new HashMap<>();
                reader.jdbc().sql("SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = :processor")
                        .param("processor", "completion-" + subscriber)
                        .query(String.class).list().forEach(id -> byId.merge(id, 1, Integer::sum));
                consumed.put(subscriber, byId);
            }
        }
        List<String> queues = new ArrayList<>(SUBSCRIBERS);
        queues.add(BrokerJournal.WITNESS);
        Map<String, Map<String, Integer>> inQueues = BrokerJournal.messagesById(dataDir, queues.toArray(String[]::new));
        Map<String, Integer> routed = inQueues.remove(BrokerJournal.WITNESS);
        return new DeliveredCompletionEvents(byApplication, routed, consumed, inQueues);
    }

    /** How many events the broker routed how often, and each subscriber consumed how often: {@code {1=200}}. */
    Map<String, Map<Integer, Long>> counts() {
        Map<String, Map<Integer, Long>> counts = new HashMap<>();
        counts.put("routed", distribution(routed));
        SUBSCRIBERS.forEach(subscriber -> counts.put(subscriber, distribution(consumed.get(subscriber))));
        return counts;
    }

    private Map<Integer, Long> distribution(Map<String, Integer> byId) {
        return events().stream().collect(Collectors.groupingBy(id -> byId.getOrDefault(id, 0), Collectors.counting()));
    }

    private Set<String> events() {
        return byApplication.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }

    /**
     * Exactly one completion event for each application that reached a final status and none for the others; the
     * broker routed each to the subscribers once, and each subscriber consumed each once, none left waiting.
     */
    void assertEachOnce(Set<String> completed) {
        assertThat(byApplication.keySet()).isEqualTo(completed);
        assertThat(byApplication).allSatisfy((id, events) -> assertThat(events).as(id).hasSize(1));
        assertThat(events()).containsAll(routed.keySet());
        for (Map.Entry<String, List<String>> event : byApplication.entrySet()) {
            String eventId = event.getValue().get(0);
            assertThat(routed.getOrDefault(eventId, 0)).as("%s's completion event, routed to the subscribers",
                    event.getKey()).isEqualTo(1);
            for (String subscriber : SUBSCRIBERS) {
                assertThat(consumed.get(subscriber).getOrDefault(eventId, 0))
                        .as("%s's completion event, consumed by %s", event.getKey(), subscriber).isEqualTo(1);
            }
        }
        SUBSCRIBERS.forEach(subscriber -> assertThat(waiting.get(subscriber)).as("left in %s's queue", subscriber)
                .isEmpty());
    }
}
