package in.gov.sangam.api;

import in.gov.sangam.api.model.Reconciliation;
import in.gov.sangam.api.model.ReconciliationAction;
import in.gov.sangam.api.model.ReconciliationKind;
import in.gov.sangam.api.model.ReconciliationSweep;
import in.gov.sangam.reconciliation.Finding;
import in.gov.sangam.reconciliation.ReconciliationFindings;
import in.gov.sangam.reconciliation.ReconciliationProperties;
import in.gov.sangam.reconciliation.StuckKind;
import in.gov.sangam.reconciliation.Sweep;
import in.gov.sangam.reconciliation.Thresholds;
import in.gov.sangam.time.HubTimeZone;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * What the operators' reconciliation route calls: each kind's threshold, last sweep and recent findings, as the
 * database holds them (so every hub node answers the same). Speaks the contract's models.
 */
@Component("reconciliationApi")
public class ReconciliationApi {

    /** What the contract refuses in free text: control, line-separator and bidi-override characters. */
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    private final ReconciliationProperties properties;
    private final Thresholds thresholds;
    private final ReconciliationFindings findings;
    private final HubTimeZone timeZone;

    public ReconciliationApi(ReconciliationProperties properties, Thresholds thresholds,
            ReconciliationFindings findings, HubTimeZone timeZone) {
        this.properties = properties;
        this.thresholds = thresholds;
        this.findings = findings;
        this.timeZone = timeZone;
    }

    public Reconciliation get(@Header(Caller.SCOPES_HEADER) Object scopes) {
        Caller.of(null, scopes).requireAdmin();
        Reconciliation reconciliation = new Reconciliation().every(properties.every().toString())
                .kinds(new ArrayList<>());
        for (StuckKind kind : StuckKind.values()) {
            reconciliation.addKindsItem(new ReconciliationKind()
                    .kind(ReconciliationKind.KindEnum.fromValue(kind.code()))
                    .threshold(thresholds.of(kind).toString())
                    .lastSweep(findings.lastSweep(kind).map(this::model).orElse(null))
                    .recentActions(new ArrayList<>(findings.recent(kind).stream().map(this::model).toList())));
        }
        return reconciliation;
    }

    private ReconciliationSweep model(Sweep sweep) {
        return new ReconciliationSweep()
                .at(timeZone.local(sweep.at()))
                .node(sweep.node())
                .found(sweep.found())
                .redriven(sweep.redriven());
    }

    private ReconciliationAction model(Finding finding) {
        return new ReconciliationAction()
                .at(timeZone.local(finding.at()))
                .node(finding.node())
                .action(ReconciliationAction.ActionEnum.fromValue(finding.action()))
                .applicationId(finding.applicationId())
                .outboxMessageId(finding.outboxId())
                .resultFile(visible(finding.resultFile()))
                .subscriber(finding.subscriber() == null ? null
                        : ReconciliationAction.SubscriberEnum.fromValue(finding.subscriber()))
                .waitingSince(timeZone.local(finding.waitingSince()))
                .attempts(finding.attempts())
                .lastError(visible(finding.lastError()))
                .detail(visible(finding.detail()));
    }

    /** An exception's message may span lines; the contract keeps free text on one. */
    private static String visible(String text) {
        return text == null ? null : INVISIBLE.matcher(text).replaceAll(" ");
    }
}
