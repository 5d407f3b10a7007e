package in.gov.sangam.appeal;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PSGA sweep, on a timer on every node: it files a first appeal (grounds DELAY) for each application whose
 * deadline passed while it was still open with its clock running, and moves each first appeal its authority did not
 * decide by its decideBy to the second appellate authority. The overdue part walks the applications' deadlines in
 * order from where the last sweep ended, a batch per transaction (its cursor row is locked for each batch's
 * transaction, so one node sweeps a batch at a time and the next takes up where it ended): a sweep with nothing due
 * costs one indexed query. An application whose clock stood at its deadline is passed by: when its clock runs again
 * its deadline moves past the cursor, and the sweep meets it again then. Whom each appeal concerns is told in the
 * appeal's transaction ({@link AppealNotices}).
 */
@Component("appealSweep")
public class AppealSweep {

    private static final Logger LOG = LoggerFactory.getLogger(AppealSweep.class);
    private static final String CURSOR = "first-appeals";

    private final PsgaDeadlines deadlines;
    private final Appeals appeals;
    private final AppealNotices notices;
    private final Catalogue catalogue;
    private final AppealSettings settings;
    private final SweepCursors cursors;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public AppealSweep(PsgaDeadlines deadlines, Appeals appeals, AppealNotices notices, Catalogue catalogue,
            AppealSettings settings, SweepCursors cursors, TransactionTemplate transaction, Clock clock) {
        this.deadlines = deadlines;
        this.appeals = appeals;
        this.notices = notices;
        this.catalogue = catalogue;
        this.settings = settings;
        this.cursors = cursors;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return how many appeals this sweep filed or escalated (each batch committed as it ends) */
    public int sweep() {
        Instant now = clock.instant();
        int filed = cursors.walk(CURSOR, now, settings.sweepBatch(),
                (from, upTo, limit) -> deadlines.dueBetween(from.at(), from.applicationId(), upTo, limit),
                deadline -> new SweepCursors.Position(deadline.dueBy(), deadline.applicationId()),
                deadline -> deadline.open() && deadline.clockRunning() && fileForDelay(deadline, now));
        Integer escalated = transaction.execute(status -> escalate(now));
        return filed + escalated;
    }

    private boolean fileForDelay(PsgaDeadlines.Deadline deadline, Instant now) {
        Optional<CatalogueService> service = catalogue.service(deadline.serviceCode());
        if (service.isEmpty() || !service.get().autoAppealEnabled()) {
            return false;
        }
        Appeal appeal = new Appeal(Appeal.idOf(deadline.applicationId(), 1, Appeal.DELAY), deadline.applicationId(), 1,
                Appeal.DELAY, deadline.serviceCode(), deadline.department(), deadline.district(),
                service.get().firstAppellateAuthority(), now, now.plus(settings.decideWithin()), Appeal.PENDING,
                deadline.dueBy(), null, null, null, null, null, null, null, deadline.acknowledgedAt());
        boolean filed = appeals.file(appeal, null);
        if (filed) {
            LOG.info("First appeal {} filed for {}: its deadline {} passed", appeal.appealId(),
                    deadline.applicationId(), deadline.dueBy());
            notices.filed(appeal);
        }
        return filed;
    }

    private int escalate(Instant now) {
        int escalated = 0;
        for (Appeal first : appeals.undecidedFirstAppeals(now, settings.sweepBatch())) {
            String authority = catalogue.service(first.serviceCode()).map(CatalogueService::secondAppellateAuthority)
                    .orElse(first.authority());
            Appeal second = new Appeal(Appeal.idOf(first.applicationId(), 2, first.grounds()), first.applicationId(),
                    2, first.grounds(), first.serviceCode(), first.department(), first.district(), authority, now,
                    now.plus(settings.secondDecideWithin()), Appeal.PENDING, first.dueBy(), first.deliveredLateAt(),
                    null, null, null, null, null, null, first.acknowledgedAt());
            if (appeals.markEscalated(first.appealId()) && appeals.file(second, first.appealId())) {
                LOG.info("Appeal {} not decided by {}: moved to {} as {}", first.appealId(), first.decideBy(),
                        authority, second.appealId());
                notices.escalated(first, second);
                escalated++;
            }
        }
        return escalated;
    }
}
