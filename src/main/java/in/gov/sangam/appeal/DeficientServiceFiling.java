package in.gov.sangam.appeal;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.feedback.DeficientServiceAppeals;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's appeal against a service delivered badly, asked for from the survey: filed like the hub's own, with its
 * notices, in the caller's transaction (an SMS reply's) or one of its own (the survey page's button).
 */
@Component
class DeficientServiceFiling implements DeficientServiceAppeals {

    static final String DEFICIENT_SERVICE = "DEFICIENT_SERVICE";
    private static final Logger LOG = LoggerFactory.getLogger(DeficientServiceFiling.class);

    private final Appeals appeals;
    private final AppealNotices notices;
    private final Catalogue catalogue;
    private final AppealSettings settings;
    private final Clock clock;

    DeficientServiceFiling(Appeals appeals, AppealNotices notices, Catalogue catalogue, AppealSettings settings,
            Clock clock) {
        this.appeals = appeals;
        this.notices = notices;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean request(String applicationId, String serviceCode, String department, String district) {
        String authority = catalogue.service(serviceCode).map(CatalogueService::firstAppellateAuthority)
                .orElseThrow(() -> new IllegalStateException("No service " + serviceCode + " in the catalogue"));
        Instant now = clock.instant();
        Appeal appeal = new Appeal(Appeal.idOf(applicationId, 1, DEFICIENT_SERVICE), applicationId, 1,
                DEFICIENT_SERVICE, serviceCode, department, district, authority, now,
                now.plus(settings.decideWithin()), Appeal.PENDING, null, null, null, null, null, null, null, null, null);
        boolean filed = appeals.file(appeal, null);
        if (filed) {
            LOG.info("Appeal {} filed for {}: the citizen rated the service bad and asked for it", appeal.appealId(),
                    applicationId);
            notices.filed(appeal);
        }
        return filed;
    }
}
