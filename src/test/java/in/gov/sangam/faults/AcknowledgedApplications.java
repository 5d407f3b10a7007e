package in.gov.sangam.faults;

import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.HubClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.core.ConditionTimeoutException;

/** What a fault test finds out about the applications a hub acknowledged: there, moved on, sent how often. */
final class AcknowledgedApplications {

    private AcknowledgedApplications() {
    }

    /** Those the hub does not find (a citizen holding the acknowledgement would be told there is no such thing). */
    static List<String> missing(HubClient hub, Collection<String> acknowledged) {
        List<String> missing = new ArrayList<>();
        for (String id : acknowledged) {
            if (hub.get("/api/v1/applications/" + id, "admin").status() != 200) {
                missing.add(id);
            }
        }
        return missing;
    }

    /**
     * Waits, at most {@code within}, until every acknowledged application has been handed to its department (its status
     * is no longer SUBMITTED), and answers those that were not: stuck.
     */
    static List<String> stuck(HubClient hub, Collection<String> acknowledged, Duration within) {
        List<String> waiting = new ArrayList<>(acknowledged);
        try {
            await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(() -> {
                waiting.removeIf(id -> !hub.get("/api/v1/applications/" + id, "admin").json().path("status").asText()
                        .equals("SUBMITTED"));
                return waiting.isEmpty();
            });
        } catch (ConditionTimeoutException timedOut) {
            // Reported by the caller, with the figures.
        }
        return waiting;
    }

    /** How many dead letters the hub holds: what it gave up on, which an operator would have to look at. */
    static int deadLetters(HubClient hub) {
        return hub.get("/api/v1/admin/dead-letters", "admin").json().path("total").asInt();
    }

    /** The applications the department was sent more than once, and how often. */
    static Map<String, Integer> repeats(RecordingDepartment department) {
        Map<String, Integer> repeats = new TreeMap<>();
        department.requests().forEach((hubReference, count) -> {
            if (count > 1) {
                repeats.put(hubReference, count);
            }
        });
        return repeats;
    }
}
