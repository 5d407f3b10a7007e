package in.gov.sangam.dispatch;

import in.gov.sangam.applications.ApplicationStore;
import in.gov.sangam.applications.Refused;
import in.gov.sangam.applications.StatusUpdate;
import in.gov.sangam.applications.StatusUpdates;
import in.gov.sangam.audit.AuditChannel;
import in.gov.sangam.audit.AuditEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The domain side of a status-polling route ({@code routes/connector-status-polling.yaml}): which of a department's
 * open applications to ask about next, and one case of its answer applied through the one state machine (a repeat
 * changes nothing). Asking and reading the answer are the route's.
 */
@Component("statusPolls")
public class StatusPolls {

    private final Connectors connectors;
    private final ApplicationStore store;
    private final StatusUpdates statusUpdates;
    private final Clock wallClock = Clock.systemUTC();

    public StatusPolls(Connectors connectors, ApplicationStore store, StatusUpdates statusUpdates) {
        this.connectors = connectors;
        this.store = store;
        this.statusUpdates = statusUpdates;
    }

    /** The model of the department's status query: {@code body.caseNumbers}, those asked about longest ago first. */
    public Map<String, List<String>> nextBatch(String department) {
        ConnectorSettings settings = connectors.settings(department);
        return Map.of("caseNumbers", store.nextToPoll(department, settings.pollBatchSize(), wallClock.instant()));
    }

    /**
     * What the department says about one case.
     *
     * @throws Refused when the case has no reference or status code, or its status does not fit
     */
    public void apply(@ExchangeProperty("SangamDepartment") String department,
            @ExchangeProperty("SangamDepartmentReference") String reference,
            @ExchangeProperty("SangamDepartmentStatus") String status,
            @ExchangeProperty("SangamRemark") String remark, @ExchangeProperty("SangamReason") String reason) {
        if (blank(reference) || blank(status)) {
            throw new Refused(Refused.Reason.INVALID, "a case in " + department
                    + "'s status answer has no case number or status code");
        }
        statusUpdates.apply(new StatusUpdate(department, null, reference.trim(), status.trim(),
                blank(remark) ? null : remark.trim(), blank(reason) ? null : reason.trim(), null, AuditChannel.POLL,
                AuditEvent.HUB));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
