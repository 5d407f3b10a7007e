package in.gov.sangam.appeal;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The appeal subsystem's answer to a completion event (taken once per event by its subscriber's route): a
 * rejection that gives no reasons is appealed (grounds REJECTED_WITHOUT_REASON); an application completed after its
 * deadline keeps its delay appeal, marked delivered late, and gets one if the sweep had not filed it yet. It runs in
 * the subscriber's transaction, which records the event as consumed: an appeal and its notices are made with it, once.
 */
@Component("appealFiling")
public class AppealFiling {

    private static final Logger LOG = LoggerFactory.getLogger(AppealFiling.class);

    private final Appeals appeals;
    private final AppealNotices notices;
    private final AppealSummaries summaries;
    private final Catalogue catalogue;
    private final AppealSettings settings;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public AppealFiling(Appeals appeals, AppealNotices notices, AppealSummaries summaries, Catalogue catalogue,
            AppealSettings settings, ObjectMapper objectMapper, Clock clock) {
        this.appeals = appeals;
        this.notices = notices;
        this.summaries = summaries;
        this.catalogue = catalogue;
        this.settings = settings;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** @param event the completion event as published (JSON) */
    public void completed(String event) throws IOException {
        CompletedApplication completed = objectMapper.readValue(event, CompletedApplication.class);
        summaries.recordCompletion(completed);
        Optional<CatalogueService> service = catalogue.service(completed.serviceCode());
        if (service.isEmpty() || !service.get().autoAppealEnabled()) {
            return;
        }
        Instant now = clock.instant();
        if ("REJECTED".equals(completed.outcome())
                && (completed.reason() == null || completed.reason().isBlank())) {
            file(completed, service.get(), Appeal.REJECTED_WITHOUT_REASON, null, now);
        }
        if (!completed.onTime()) {
            // Filed with the delay already ended, if the sweep had not got to it; otherwise marked so.
            file(completed, service.get(), Appeal.DELAY, completed.completedAt(), now);
            appeals.markDeliveredLate(completed.applicationId(), completed.completedAt());
        }
    }

    private void file(CompletedApplication completed, CatalogueService service, String grounds,
            Instant deliveredLateAt, Instant now) {
        Appeal appeal = new Appeal(Appeal.idOf(completed.applicationId(), 1, grounds), completed.applicationId(), 1,
                grounds, completed.serviceCode(), completed.department(), completed.district(),
                service.firstAppellateAuthority(), now, now.plus(settings.decideWithin()), Appeal.PENDING,
                completed.dueBy(), deliveredLateAt, null, null, null, null, null, null, completed.acknowledgedAt());
        if (appeals.file(appeal, null)) {
            LOG.info("Appeal {} filed for {} on the grounds {}", appeal.appealId(), completed.applicationId(),
                    grounds);
            notices.filed(appeal);
        }
    }
}
