package in.gov.sangam.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the broker's answers to the management operations {@code listScheduledMessagesAsJSON} (an array of
 * messages, each a map of its headers and properties) and {@code listDeliveringMessagesAsJSON} (an array of
 * consumers, each with the array of messages delivered to it and not yet acknowledged, under {@code elements}).
 */
final class ManagementReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagementReplies() {
    }

    /** The values of a message property in a list of scheduled messages. */
    static Set<String> scheduled(String reply, String property) {
        Set<String> values = new HashSet<>();
        collect(read(reply), property, values);
        return values;
    }

    /** The values of a message property in the messages being delivered to each consumer. */
    static Set<String> delivering(String reply, String property) {
        Set<String> values = new HashSet<>();
        for (JsonNode consumer : read(reply)) {
            collect(consumer.path("elements"), property, values);
        }
        return values;
    }

    private static void collect(JsonNode messages, String property, Set<String> values) {
        for (JsonNode message : messages) {
            JsonNode value = message.get(property);
            if (value != null && value.isTextual()) {
                values.add(value.asText());
            }
        }
    }

    private static JsonNode read(String reply) {
        try {
            JsonNode messages = JSON.readTree(reply);
            if (messages == null || !messages.isArray()) {
                throw new IllegalStateException("The broker's management answer is not a list: " + reply);
            }
            return messages;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The broker's management answer could not be read", e);
        }
    }
}
