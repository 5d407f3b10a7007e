package in.gov.sangam.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.model.StatusUpdateResult;
import in.gov.sangam.applications.StatusUpdate;
import in.gov.sangam.applications.StatusUpdateOutcome;
import in.gov.sangam.applications.StatusUpdates;
import in.gov.sangam.audit.AuditChannel;
import java.io.IOException;
import java.time.OffsetDateTime;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** What the department callback route calls: a department reports where one of its applications stands. */
@Component("statusUpdatesApi")
public class StatusUpdatesApi {

    private final StatusUpdates statusUpdates;
    private final ObjectMapper objectMapper;

    public StatusUpdatesApi(StatusUpdates statusUpdates, ObjectMapper objectMapper) {
        this.statusUpdates = statusUpdates;
        this.objectMapper = objectMapper;
    }

    public StatusUpdateResult report(@Header("department") String department,
            @Header(Caller.CLIENT_HEADER) Object clientId, @Header(Caller.SCOPES_HEADER) Object scopes,
            @Body String body) {
        Caller caller = Caller.of(clientId, scopes);
        // Checked before the route too (the contract's security); checked here so a routing mistake cannot open it.
        if (!caller.speaksFor(department) && !caller.isAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This operation needs the scope 'department:"
                    + department + "' or 'admin'.");
        }
        JsonNode update = parse(body);
        StatusUpdateOutcome outcome = statusUpdates.apply(new StatusUpdate(
                department,
                text(update, "applicationId"),
                text(update, "departmentReference"),
                update.path("status").asText(),
                text(update, "remark"),
                text(update, "reason"),
                update.hasNonNull("at") ? OffsetDateTime.parse(update.get("at").asText()).toInstant() : null,
                AuditChannel.CALLBACK,
                caller.clientId()));
        return new StatusUpdateResult()
                .applicationId(outcome.applicationId())
                .previousStatus(in.gov.sangam.api.model.ApplicationStatus.fromValue(outcome.previousStatus().name()))
                .status(in.gov.sangam.api.model.ApplicationStatus.fromValue(outcome.status().name()))
                .changed(outcome.changed());
    }

    private JsonNode parse(String body) {
        try {
            return objectMapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body could not be parsed as JSON.");
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
