package in.gov.sangam.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.model.AppealDecisionRecord;
import in.gov.sangam.api.model.AppealPage;
import in.gov.sangam.api.model.AppealStatus;
import in.gov.sangam.api.model.AppealSummary;
import in.gov.sangam.api.model.DepartmentOutage;
import in.gov.sangam.api.model.OutagePeriod;
import in.gov.sangam.api.model.ServiceDeadlines;
import in.gov.sangam.appeal.Appeal;
import in.gov.sangam.appeal.AppealDecisions;
import in.gov.sangam.appeal.AppealNotDecidableException;
import in.gov.sangam.appeal.AppealSettings;
import in.gov.sangam.appeal.AppealSummaries;
import in.gov.sangam.appeal.DepartmentOutageHistory;
import in.gov.sangam.appeal.Appeals;
import in.gov.sangam.appeal.EvidenceRecords;
import in.gov.sangam.appeal.EvidenceSigner;
import in.gov.sangam.time.HubTimeZone;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** What the appeal routes call: the appeals, for the appellate authorities and administrators, and their decisions. */
@Component("appealsApi")
public class AppealsApi {

    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final String APPELLATE = "appellate";

    private final Appeals appeals;
    private final AppealDecisions decisions;
    private final AppealSummaries summaries;
    private final DepartmentOutageHistory outageHistory;
    private final AppealSettings settings;
    private final ObjectMapper objectMapper;
    private final HubTimeZone timeZone;
    private final Clock clock;
    private final EvidenceRecords evidenceRecords;
    private final EvidenceSigner evidenceSigner;

    public AppealsApi(Appeals appeals, AppealDecisions decisions, AppealSummaries summaries,
            DepartmentOutageHistory outageHistory, AppealSettings settings, ObjectMapper objectMapper,
            HubTimeZone timeZone, Clock clock, EvidenceRecords evidenceRecords, EvidenceSigner evidenceSigner) {
        this.evidenceRecords = evidenceRecords;
        this.evidenceSigner = evidenceSigner;
        this.outageHistory = outageHistory;
        this.appeals = appeals;
        this.decisions = decisions;
        this.summaries = summaries;
        this.settings = settings;
        this.objectMapper = objectMapper;
        this.timeZone = timeZone;
        this.clock = clock;
    }

    public AppealPage list(@Header("status") String status, @Header("level") Integer level,
            @Header("department") String department, @Header("authority") String authority,
            @Header("page") Integer page, @Header("size") Integer size, @Header(Caller.SCOPES_HEADER) Object scopes) {
        requireAppellate(Caller.of(null, scopes));
        int pageNumber = page == null ? 1 : page;
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
        Appeals.AppealFilter filter = new Appeals.AppealFilter(status, level, department, authority);
        return new AppealPage()
                .items(appeals.page(filter, (pageNumber - 1) * pageSize, pageSize).stream().map(this::model).toList())
                .total(appeals.count(filter))
                .page(pageNumber)
                .size(pageSize);
    }

    public in.gov.sangam.api.model.Appeal decide(@Header("appealId") String appealId, @Body String body,
            @Header(Caller.CLIENT_HEADER) Object clientId, @Header(Caller.SCOPES_HEADER) Object scopes) {
        Caller caller = Caller.of(clientId, scopes);
        requireAppellate(caller);
        JsonNode decision = parse(body);
        try {
            return model(decisions.decide(appealId, new AppealDecisions.Decision(decision.path("outcome").asText(),
                    decision.path("directions").asText(), amount(decision, "penaltyAmount"),
                    amount(decision, "compensationAmount")), caller.clientId())
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                            "There is no appeal " + appealId + ".")));
        } catch (AppealNotDecidableException notBeforeItsAuthority) {
            Appeal appeal = notBeforeItsAuthority.appeal();
            throw new ProblemException(ProblemType.APPEAL_DECIDED, "Appeal " + appealId + " is " + appeal.status()
                    + (Appeal.ESCALATED.equals(appeal.status()) ? ": it is before the second appellate authority now"
                            : ": it was decided already") + "; nothing was changed.");
        }
    }

    /**
     * The appeal's evidence record, signed: {@code record} is read back from the very bytes {@code jws} signs, so
     * the two cannot differ.
     */
    public Map<String, Object> evidence(@Header("appealId") String appealId,
            @Header(Caller.SCOPES_HEADER) Object scopes) throws IOException {
        requireAppellate(Caller.of(null, scopes));
        Appeal appeal = appeals.find(appealId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "There is no appeal " + appealId + "."));
        EvidenceRecords.SignedEvidence signed = evidenceRecords.signed(appeal, objectMapper.valueToTree(model(appeal)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jws", signed.jws());
        answer.put("record", objectMapper.readTree(signed.payload()));
        return answer;
    }

    /** Public: the JWK Set that verifies evidence records. */
    public Map<String, Object> evidenceKeys() {
        return evidenceSigner.publicKeySet();
    }

    /** Public: counts only. */
    public AppealSummary summary(@Header("department") String department) {
        return new AppealSummary().services(summaries.byService(department).stream().map(figures ->
                new ServiceDeadlines()
                        .department(figures.department())
                        .serviceCode(figures.serviceCode())
                        .completedOnTime(figures.completedOnTime())
                        .completedLate(figures.completedLate())
                        .openPastDeadline(figures.openPastDeadline())
                        .appealsFiled(figures.appealsFiled())
                        .appealsDecided(figures.appealsDecided())
                        .penaltiesOrdered(figures.penaltiesOrdered().doubleValue()))
                .toList());
    }

    /** An appeal as the contract shows it, with the penalty the rules propose for its delay. */
    public in.gov.sangam.api.model.Appeal model(Appeal appeal) {
        Instant delayEnd = appeal.deliveredLateAt() != null ? appeal.deliveredLateAt()
                : appeal.decidedAt() != null ? appeal.decidedAt() : clock.instant();
        BigDecimal proposed = Appeal.DELAY.equals(appeal.grounds())
                ? settings.proposedPenalty(appeal.dueBy(), delayEnd) : BigDecimal.ZERO;
        in.gov.sangam.api.model.Appeal model = new in.gov.sangam.api.model.Appeal()
                .appealId(appeal.appealId())
                .applicationId(appeal.applicationId())
                .level(appeal.level())
                .grounds(in.gov.sangam.api.model.Appeal.GroundsEnum.fromValue(appeal.grounds()))
                .authority(appeal.authority())
                .filedAt(timeZone.local(appeal.filedAt()))
                .decideBy(timeZone.local(appeal.decideBy()))
                .status(AppealStatus.fromValue(appeal.status()))
                .deliveredLate(appeal.deliveredLateAt() != null)
                .proposedPenalty(proposed.doubleValue());
        if (Appeal.DELAY.equals(appeal.grounds()) && appeal.acknowledgedAt() != null && appeal.dueBy() != null) {
            model.departmentOutage(outage(appeal.department(), appeal.acknowledgedAt(), appeal.dueBy()));
        }
        if (appeal.decided()) {
            model.decision(new AppealDecisionRecord()
                    .outcome(AppealDecisionRecord.OutcomeEnum.fromValue(appeal.outcome()))
                    .directions(appeal.directions())
                    .penaltyAmount(appeal.penaltyAmount() == null ? null : appeal.penaltyAmount().doubleValue())
                    .compensationAmount(appeal.compensationAmount() == null ? null
                            : appeal.compensationAmount().doubleValue())
                    .decidedAt(timeZone.local(appeal.decidedAt()))
                    .decidedBy(appeal.decidedBy()));
        }
        return model;
    }

    /** The department's outages during the timeline, with their total length and the days they touched. */
    private DepartmentOutage outage(String department, Instant from, Instant to) {
        List<DepartmentOutageHistory.Outage> outages = outageHistory.between(department, from, to);
        long seconds = 0;
        Set<LocalDate> days = new TreeSet<>();
        List<OutagePeriod> periods = new ArrayList<>();
        for (DepartmentOutageHistory.Outage outage : outages) {
            seconds += Duration.between(outage.from(), outage.to()).getSeconds();
            for (LocalDate day = timeZone.local(outage.from()).toLocalDate();
                    !day.isAfter(timeZone.local(outage.to().minusNanos(1)).toLocalDate()); day = day.plusDays(1)) {
                days.add(day);
            }
            periods.add(new OutagePeriod().from(timeZone.local(outage.from())).to(timeZone.local(outage.to()))
                    .reason(outage.reason()));
        }
        return new DepartmentOutage().hours(Math.round(seconds / 360.0) / 10.0).days(new ArrayList<>(days))
                .periods(periods);
    }

    /** Checked before the route too (the contract's security); checked here so a routing mistake cannot open it. */
    private static void requireAppellate(Caller caller) {
        if (!caller.isAdmin() && !caller.scopes().contains(APPELLATE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This operation needs the scope 'appellate' or 'admin'.");
        }
    }

    private static BigDecimal amount(JsonNode decision, String field) {
        return decision.hasNonNull(field) ? decision.get(field).decimalValue() : null;
    }

    private JsonNode parse(String body) {
        try {
            return objectMapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body could not be parsed as JSON.");
        }
    }
}
