package in.gov.sangam.appeal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an appellate authority decides on, as the hub signs it (the contract's EvidenceRecord): the appeal as the API
 * shows it, the application's facts without personal data, its history, its timeline day by day, the department's
 * outages and the notices sent. Times are India's, as everywhere in the API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceRecord(OffsetDateTime generatedAt, String keyId, JsonNode appeal, Application application,
        List<Change> history, Timeline timeline, List<Outage> outages, List<Notice> notices) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Application(String applicationId, String serviceCode, String serviceName, String department,
            String district, OffsetDateTime acknowledgedAt, OffsetDateTime dueBy, String status, int timelineDays,
            String timelineBasis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String status, OffsetDateTime at, String remark, String reason) {
    }

    public record Timeline(OffsetDateTime dueBy, OffsetDateTime until, List<PsgaTimeline.Day> days,
            List<Pause> pauses) {
    }

    public record Pause(OffsetDateTime from, OffsetDateTime to, List<LocalDate> days) {
    }

    public record Outage(OffsetDateTime from, OffsetDateTime to, String reason) {
    }

    /** @param recipient an official's address; a citizen's number is not shown */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notice(String noticeKey, String channel, String recipient, String subject, String state,
            OffsetDateTime requestedAt, OffsetDateTime sentAt, String failure) {
    }
}
