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
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a status-polling route calls: the next batch of a department's open applications, and the department's
 * answer about them, each case applied through the one state machine (a repeat changes nothing).
 */
@Component("statusPoller")
public class StatusPoller {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPoller.class);
    static final String NOTHING_TO_POLL = "SangamNothingToPoll";

    private final Connectors connectors;
    private final ApplicationStore store;
    private final StatusUpdates statusUpdates;
    private final DepartmentClient client;
    private final Clock wallClock = Clock.systemUTC();

    public StatusPoller(Connectors connectors, ApplicationStore store, StatusUpdates statusUpdates,
            DepartmentClient client) {
        this.connectors = connectors;
        this.store = store;
        this.statusUpdates = statusUpdates;
        this.client = client;
    }

    /** The model of the department's status query: {@code body.caseNumbers}. */
    public void nextBatch(Exchange exchange) {
        ConnectorSettings settings = connectors.settings(exchange.getProperty("SangamDepartment", String.class));
        List<String> references = store.nextToPoll(settings.department(), settings.pollBatchSize(),
                wallClock.instant());
        exchange.setProperty(NOTHING_TO_POLL, references.isEmpty());
        exchange.getMessage().setBody(Map.of("caseNumbers", references));
    }

    private static String optional(Element found, String xpath) {
        return xpath == null ? null : Answers.xpath(found, xpath);
    }

    /** Asks the department and applies what it says about each case. */
    public void query(Exchange exchange) {
        ConnectorSettings settings = connectors.settings(exchange.getProperty("SangamDepartment", String.class));
        String answer = client.call(settings, settings.pollPath(), settings.pollSoapAction(),
                exchange.getMessage().getBody(String.class));
        Map<String, String> where = settings.pollAnswer();
        Document document = Answers.xml(answer);
        NodeList cases = Answers.xpathAll(document, where.get("case"));
        for (int i = 0; i < cases.getLength(); i++) {
            Element found = (Element) cases.item(i);
            String reference = Answers.xpath(found, where.get("reference"));
            String status = Answers.xpath(found, where.get("status"));
            if (reference == null || status == null) {
                LOG.warn("A case in {}'s status answer has no case number or status code; skipped",
                        settings.department());
                continue;
            }
            try {
                statusUpdates.apply(new StatusUpdate(settings.department(), null, reference, status,
                        optional(found, where.get("remark")), optional(found, where.get("reason")), null,
                        AuditChannel.POLL, AuditEvent.HUB));
            } catch (Refused refused) {
                // The department's answer about one case does not fit (an illegal step, an unknown code): the
                // other cases still count, and this one is asked about again next time.
                LOG.warn("Status of {} case {} not applied: {}", settings.department(), reference,
                        refused.getMessage());
            }
        }
    }
}
