package in.gov.sangam.appeal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** What the appeal subsystem reads of a completion event: its own view of the event's fields. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletedApplication(String eventId, String applicationId, String serviceCode, String department,
        String district, String outcome, String reason, Instant acknowledgedAt, Instant completedAt, Instant dueBy,
        boolean onTime) {
}
