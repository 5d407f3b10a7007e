package in.gov.sangam.appeal;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The designated officer's warning, swept on the appeal's timer on every node: when an application has run a share of
 * its timeline ({@code sangam.appeal.warn-at-share}) still open with its clock running, and its service appeals by
 * itself, its officer is told, once per application ever (the notices' keys see to that, whatever node or sweep asks
 * again). Walked like the first appeals (see {@link AppealSweep}): in order of the applications' warning times from
 * where the last sweep ended, its own cursor row locked for each batch's transaction, so a sweep with nothing due costs
 * one indexed query. An application with its clock stopped at its warning is passed by; when the clock runs again its
 * warning moves past the cursor, and the sweep meets it then.
 */
@Component("officerWarnings")
public class OfficerWarnings {

    private static final String CURSOR = "warnings";

    private final PsgaDeadlines deadlines;
    private final AppealNotices notices;
    private final Catalogue catalogue;
    private final AppealSettings settings;
    private final SweepCursors cursors;
    private final Clock clock;

    OfficerWarnings(PsgaDeadlines deadlines, AppealNotices notices, Catalogue catalogue, AppealSettings settings,
            SweepCursors cursors, Clock clock) {
        this.deadlines = deadlines;
        this.notices = notices;
        this.catalogue = catalogue;
        this.settings = settings;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** @return how many officers this sweep warned (each batch committed as it ends: see SweepCursors) */
    public int sweep() {
        Instant now = clock.instant();
        return cursors.walk(CURSOR, now, settings.sweepBatch(),
                (from, upTo, limit) -> deadlines.warningsBetween(from.at(), from.applicationId(), upTo, limit),
                warning -> new SweepCursors.Position(warning.warnAt(), warning.applicationId()),
                warning -> warn(warning, now));
    }

    /** A deadline already passed gets its appeal, not a warning (a sweep that was held up finds both due at once). */
    private boolean warn(PsgaDeadlines.Warning warning, Instant now) {
        if (!warning.open() || !warning.clockRunning() || !warning.dueBy().isAfter(now)) {
            return false;
        }
        Optional<CatalogueService> service = catalogue.service(warning.serviceCode());
        return service.isPresent() && service.get().autoAppealEnabled() && notices.warned(warning, service.get());
    }
}
