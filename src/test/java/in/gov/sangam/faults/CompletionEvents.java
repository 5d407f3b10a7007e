package in.gov.sangam.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The completion events a hub wrote and where they went, read once its process is gone: the outbox rows
 * ({@code ApplicationCompleted}, one per application that reached DELIVERED or REJECTED), each subscriber's queue in
 * the broker, and what each subscriber's idempotent consumer recorded as consumed ({@code CAMEL_MESSAGEPROCESSED},
 * processor {@code completion-<subscriber>}). An event a subscriber got twice shows as two copies in its queue, or as
 * one consumed and one still queued.
 */
record CompletionEvents(Map<String, List<String>> byApplication, Map<String, Map<String, Integer>> queued,
        Map<String, Map<String, Integer>> consumed) {

    static final List<String> SUBSCRIBERS = List.of("feedback", "appeal");

    static CompletionEvents read(HubDatabase database, Path dataDir) throws Exception {
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
        return new CompletionEvents(byApplication,
                BrokerJournal.messagesById(dataDir, SUBSCRIBERS.toArray(String[]::new)), consumed);
    }

    /** For each subscriber: how many events it got how often (e.g. {@code {1=150}}: 150 events, each once). */
    Map<String, Map<Integer, Long>> receivedCounts() {
        Map<String, Map<Integer, Long>> counts = new HashMap<>();
        for (String subscriber : SUBSCRIBERS) {
            counts.put(subscriber, byApplication.values().stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(id -> received(subscriber, id), Collectors.counting())));
        }
        return counts;
    }

    private int received(String subscriber, String messageId) {
        return queued.get(subscriber).getOrDefault(messageId, 0) + consumed.get(subscriber).getOrDefault(messageId, 0);
    }

    /**
     * Exactly one completion event for each application that reached a final status and none for the others, and
     * each subscriber got each event exactly once.
     */
    void assertEachOnce(Set<String> completed) {
        assertThat(byApplication.keySet()).isEqualTo(completed);
        assertThat(byApplication).allSatisfy((id, events) -> assertThat(events).as(id).hasSize(1));
        Set<String> events = byApplication.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        for (String subscriber : SUBSCRIBERS) {
            for (Map.Entry<String, List<String>> event : byApplication.entrySet()) {
                assertThat(received(subscriber, event.getValue().get(0)))
                        .as("%s's completion event received by %s", event.getKey(), subscriber).isEqualTo(1);
            }
            assertThat(events).as("the events in %s's queue", subscriber)
                    .containsAll(queued.get(subscriber).keySet());
        }
    }
}
