package in.gov.sangam.applications;

import in.gov.sangam.appeal.AppealSettings;
import in.gov.sangam.appeal.ClockPause;
import in.gov.sangam.appeal.PsgaClock;
import in.gov.sangam.catalogue.CatalogueService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An application's PSGA dates as the PSGA clock counts them: its deadline and, at a share of the timeline before it
 * ({@code sangam.appeal.warn-at-share}), the designated officer's warning. Both are set together, wherever the
 * deadline is set or moved, so that the warning never falls after the deadline it warns of.
 */
@Component
class PsgaDates {

    /** The deadline and the warning before it. */
    record Dates(Instant dueBy, Instant warnAt) {
    }

    private final PsgaClock psgaClock;
    private final double warnAtShare;

    PsgaDates(PsgaClock psgaClock, AppealSettings settings) {
        this.psgaClock = psgaClock;
        this.warnAtShare = settings.warnAtShare();
    }

    /** The dates of an application just acknowledged. */
    Dates of(Instant acknowledgedAt, CatalogueService service, String district) {
        return of(acknowledgedAt, service, district, List.of(), Duration.ZERO);
    }

    /**
     * @param district the applicant's district, whose own holidays a working-day timeline skips too
     * @param pauses   the periods it was with the citizen, each where it was, as the appeal's evidence record
     *                 explains them
     * @param stopped  how long the clock stood in all
     */
    Dates of(Instant acknowledgedAt, CatalogueService service, String district, List<ClockPause> pauses,
            Duration stopped) {
        Instant dueBy = psgaClock.dueDate(acknowledgedAt, service, district, pauses);
        return new Dates(dueBy, psgaClock.warnAt(acknowledgedAt, stopped, dueBy, warnAtShare));
    }
}
