package in.gov.sangam.applications;

import in.gov.sangam.audit.AuditAction;
import in.gov.sangam.audit.AuditEvent;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flow 3, status: every update, however it arrived (callback, poll, result file), is normalised and applied here,
 * through the one state machine. The change, its history entry, (for a final status) the completion event and its
 * audit entry are written in one transaction.
 */
@Service
public class StatusUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(StatusUpdates.class);

    private final Catalogue catalogue;
    private final ApplicationStore store;
    private final StatusNormaliser normaliser;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final PsgaDates timeline;

    public StatusUpdates(Catalogue catalogue, ApplicationStore store, StatusNormaliser normaliser, Outbox outbox,
            AuditTrail audit, Clock clock, PsgaDates timeline) {
        this.catalogue = catalogue;
        this.store = store;
        this.normaliser = normaliser;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.timeline = timeline;
    }

    @Transactional
    public StatusUpdateOutcome apply(StatusUpdate update) {
        CatalogueDepartment department = catalogue.department(update.department()).orElseThrow(() ->
                new Refused(Refused.Reason.NOT_FOUND, "There is no department '" + update.department() + "'."));
        StoredApplication application = find(update);
        if (!application.department().equals(department.code())) {
            // Answered exactly as an id that does not exist: a department learns nothing of others' applications.
            throw unknownApplication(application.applicationId());
        }
        ApplicationStatus target = normaliser.normalise(department, update.status());
        ApplicationStatus current = application.status();
        if (target == current) {
            // Nothing moves, but the report may be the first to carry the department's reference (a call-back that
            // came before the dispatch answer): without it, a department polled by reference is never asked.
            if (update.departmentReference() != null && application.departmentReference() == null) {
                keepReference(() -> store.keepDepartmentReference(application.applicationId(),
                        update.departmentReference()));
            }
            return new StatusUpdateOutcome(application.applicationId(), current, current, false);
        }
        if (!StatusTransitions.isAllowed(current, target)) {
            throw new Refused(Refused.Reason.ILLEGAL_TRANSITION, "Application " + application.applicationId()
                    + " is " + current + "; it cannot become " + target + " (from " + current + " it may become "
                    + describe(StatusTransitions.next(current)) + ").");
        }
        if (!keepReference(() -> store.changeStatus(application.applicationId(), current, target,
                update.departmentReference()))) {
            // Another update changed it since it was read: answer as if this one came second.
            return apply(update);
        }
        Instant at = update.at() != null ? update.at() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        store.appendHistory(application.applicationId(), target, at, update.remark(), update.reason());
        Instant dueBy = runClock(application, target, at);
        if (StatusTransitions.isFinal(target)) {
            // The event's first sending carries its id as the broker message's id too.
            String eventId = UUID.randomUUID().toString();
            outbox.add(eventId, ApplicationCompleted.DESTINATION, ApplicationCompleted.TYPE, application.applicationId(),
                    new ApplicationCompleted(eventId, application.applicationId(), application.serviceCode(),
                            application.department(), application.applicantDistrict(), target.name(), update.reason(),
                            application.acknowledgedAt().toString(), at.toString(), dueBy.toString(), !at.isAfter(dueBy), application.applicantLanguage(),
                            application.applicationId()));
        }
        audit.append(new AuditEvent(update.actor(), AuditAction.STATUS_CHANGED, update.channel(),
                application.applicationId(), application.department(), current.name(), target.name(),
                "reported as " + update.status()));
        ApplicationLog.info(LOG, application.applicationId(), "Status {} -> {} reported by {}", current, target,
                department.code());
        return new StatusUpdateOutcome(application.applicationId(), current, target, true);
    }

    /**
     * The PSGA clock stops while the application is with the citizen, and runs again, with the due date (and the
     * officer's warning before it) moved on by the time it stood, when the department takes it up again (or decides).
     *
     * @return the application's due date after this change
     */
    private Instant runClock(StoredApplication application, ApplicationStatus target, Instant at) {
        if (target == ApplicationStatus.RETURNED_TO_CITIZEN && application.clockStops().running()) {
            store.stopClock(application.applicationId(), at);
        } else if (target != ApplicationStatus.RETURNED_TO_CITIZEN && !application.clockStops().running()) {
            Duration stopped = application.clockStops().stoppedFor(at);
            CatalogueService service = catalogue.service(application.serviceCode()).orElseThrow();
            // Counted with each pause where it was, as the appeal's evidence record explains it.
            PsgaDates.Dates dates = timeline.of(application.acknowledgedAt(), service,
                    application.applicantDistrict(),
                    StatusChange.pauses(store.history(application.applicationId()), at), stopped);
            store.restartClock(application.applicationId(), stopped, dates.dueBy(), dates.warnAt());
            return dates.dueBy();
        }
        return application.dueBy();
    }

    /** A reference the department gave another of its applications is refused, naming the field. */
    private static boolean keepReference(BooleanSupplier change) {
        try {
            return change.getAsBoolean();
        } catch (DuplicateKeyException taken) {
            throw Refused.invalid(List.of(new FieldProblem("departmentReference",
                    "is already the department's reference of another application")));
        }
    }

    private StoredApplication find(StatusUpdate update) {
        if (update.applicationId() != null) {
            return store.find(update.applicationId()).orElseThrow(() -> unknownApplication(update.applicationId()));
        }
        if (update.departmentReference() != null) {
            return store.findByDepartmentReference(update.department(), update.departmentReference())
                    .orElseThrow(() -> new Refused(Refused.Reason.NOT_FOUND, "The " + update.department()
                            + " department has no application with the reference '" + update.departmentReference()
                            + "'."));
        }
        throw Refused.invalid(List.of(
                new FieldProblem("applicationId", "is required when departmentReference is not given"),
                new FieldProblem("departmentReference", "is required when applicationId is not given")));
    }

    private static Refused unknownApplication(String applicationId) {
        return new Refused(Refused.Reason.NOT_FOUND, "There is no application with the id '" + applicationId
                + "'.");
    }

    private static String describe(Set<ApplicationStatus> next) {
        return next.isEmpty() ? "nothing else: it is final" : next.toString();
    }
}
