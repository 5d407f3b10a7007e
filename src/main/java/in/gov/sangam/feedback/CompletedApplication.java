package in.gov.sangam.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What feedback reads of a completion event (the {@code ApplicationCompleted} the hub publishes): its own view of
 * the event's fields, so that it depends on the event and not on the code that writes it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletedApplication(String eventId, String applicationId, String serviceCode, String department,
        String district, String outcome, Instant completedAt, String language, String contactRef) {
}
