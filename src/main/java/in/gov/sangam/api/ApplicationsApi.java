package in.gov.sangam.api;

import in.gov.sangam.api.model.Application;
import in.gov.sangam.api.model.ApplicationReceipt;
import in.gov.sangam.api.model.District;
import in.gov.sangam.api.model.Language;
import in.gov.sangam.api.model.MaskedApplicant;
import in.gov.sangam.appeal.Appeals;
import in.gov.sangam.appeal.PsgaClock;
import in.gov.sangam.applications.ApplicationStore;
import in.gov.sangam.applications.ApplicationSubmission;
import in.gov.sangam.applications.ClockStops;
import in.gov.sangam.applications.StatusChange;
import in.gov.sangam.applications.StoredApplication;
import in.gov.sangam.applications.SubmissionResult;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.feedback.SurveyStates;
import in.gov.sangam.privacy.Masking;
import in.gov.sangam.time.HubTimeZone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** What the portal's application routes call: submit one, read one back. Speaks the contract's models. */
@Component("applicationsApi")
public class ApplicationsApi {

    /** Set by the security filter from the verified token; never taken from the client. */
    public static final String CLIENT_HEADER = Caller.CLIENT_HEADER;

    private final ApplicationSubmission submission;
    private final ApplicationStore store;
    private final Catalogue catalogue;
    private final HubTimeZone timeZone;
    private final PsgaClock psgaClock;
    private final SurveyStates surveys;
    private final Appeals appeals;
    private final AppealsApi appealModels;
    private final Clock clock;

    public ApplicationsApi(ApplicationSubmission submission, ApplicationStore store, Catalogue catalogue,
            HubTimeZone timeZone, PsgaClock psgaClock, SurveyStates surveys, Appeals appeals, AppealsApi appealModels,
            Clock clock) {
        this.appeals = appeals;
        this.appealModels = appealModels;
        this.submission = submission;
        this.store = store;
        this.catalogue = catalogue;
        this.timeZone = timeZone;
        this.psgaClock = psgaClock;
        this.surveys = surveys;
        this.clock = clock;
    }

    public ApplicationReceipt submit(Exchange exchange) {
        var message = exchange.getMessage();
        String clientId = Caller.of(message.getHeader(CLIENT_HEADER), null).clientId();
        if (clientId == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The access token names no client (sub, azp or "
                    + "client_id); idempotency keys are kept per client.");
        }
        SubmissionResult result = submission.submit(
                clientId,
                message.getHeader("Idempotency-Key", String.class),
                message.getBody(String.class));
        StoredApplication application = result.application();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
        ResponseHeaders.answerWith(exchange, "Location", "/api/v1/applications/" + application.applicationId());
        if (result.replayed()) {
            ResponseHeaders.answerWith(exchange, "Idempotent-Replayed", "true");
        }
        return new ApplicationReceipt()
                .applicationId(application.applicationId())
                .serviceCode(application.serviceCode())
                .department(application.department())
                .status(in.gov.sangam.api.model.ApplicationStatus.fromValue(application.status().name()))
                .acknowledgedAt(local(application.acknowledgedAt()))
                .dueBy(local(application.dueBy()));
    }

    /**
     * An application the caller may not read is answered exactly like one that does not exist, so that counting up
     * ids reveals nothing.
     */
    public Application get(@Header("applicationId") String applicationId,
            @Header(Caller.CLIENT_HEADER) Object clientId, @Header(Caller.SCOPES_HEADER) Object scopes) {
        Caller caller = Caller.of(clientId, scopes);
        StoredApplication application = store.find(applicationId).filter(caller::mayRead)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "There is no application with the id '" + applicationId + "'."));
        CatalogueService service = catalogue.service(application.serviceCode()).orElse(null);
        String serviceName = service == null ? application.serviceCode() : service.name();
        ClockStops stops = application.clockStops();
        Instant now = clock.instant();
        Duration stopped = stops.stoppedFor(now);
        List<StatusChange> changes = store.history(applicationId);
        // While the clock stands, the deadline moves on with it: shown as it would be if the clock ran again now,
        // counted with each pause where it was, as the sweep will count it then.
        Instant dueBy = stops.running() || service == null ? application.dueBy()
                : psgaClock.dueDate(application.acknowledgedAt(), service, application.applicantDistrict(),
                        StatusChange.pauses(changes, now));
        var history = new ArrayList<in.gov.sangam.api.model.StatusChange>();
        for (StatusChange change : changes) {
            history.add(new in.gov.sangam.api.model.StatusChange()
                    .status(in.gov.sangam.api.model.ApplicationStatus.fromValue(change.status().name()))
                    .at(local(change.at()))
                    .remark(change.remark())
                    .reason(change.reason()));
        }
        return new Application()
                .applicationId(application.applicationId())
                .serviceCode(application.serviceCode())
                .serviceName(serviceName)
                .department(application.department())
                .status(in.gov.sangam.api.model.ApplicationStatus.fromValue(application.status().name()))
                .acknowledgedAt(local(application.acknowledgedAt()))
                .dueBy(local(dueBy))
                .clockRunning(stops.running())
                .clockStoppedDays(Math.floor(stopped.toSeconds() / 8640.0) / 10)
                .departmentReference(application.departmentReference())
                .applicant(new MaskedApplicant()
                        .name(application.applicantName())
                        .mobile(Masking.mobile(application.applicantMobile()))
                        .aadhaar(Masking.aadhaarFromLastFour(application.applicantAadhaarLastFour()))
                        .district(District.fromValue(application.applicantDistrict()))
                        .language(Language.fromValue(application.applicantLanguage())))
                .history(history)
                .appeals(appeals.forApplication(applicationId).stream().map(appealModels::model)
                        .collect(Collectors.toCollection(ArrayList::new)))
                .feedback(surveys.ofApplication(applicationId).map(state -> FeedbackApi.model(state, timeZone))
                        .orElse(null));
    }

    private OffsetDateTime local(Instant instant) {
        return timeZone.local(instant);
    }
}
