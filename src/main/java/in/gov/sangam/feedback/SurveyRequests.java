package in.gov.sangam.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.privacy.CitizenDataCipher;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Feedback's answer to a completion event: a survey for the citizen, if the service asks for feedback and the
 * number has not opted out, due now or when the quiet hours end. One per application: the event's id is recorded in
 * the same transaction by the subscriber's route, and the application's survey is unique besides.
 */
@Component("surveyRequests")
public class SurveyRequests {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyRequests.class);

    private final Catalogue catalogue;
    private final CitizenContacts contacts;
    private final Surveys surveys;
    private final CitizenDataCipher cipher;
    private final ObjectMapper objectMapper;
    private final QuietHours quietHours;
    private final Clock clock;

    public SurveyRequests(Catalogue catalogue, CitizenContacts contacts, Surveys surveys, CitizenDataCipher cipher,
            ObjectMapper objectMapper, Clock clock, @Value("${sangam.feedback.quiet-hours:}") String quietHours,
            @Value("${sangam.time-zone}") String zone) {
        this.catalogue = catalogue;
        this.contacts = contacts;
        this.surveys = surveys;
        this.cipher = cipher;
        this.objectMapper = objectMapper;
        this.quietHours = QuietHours.of(quietHours, ZoneId.of(zone));
        this.clock = clock;
    }

    /** @param event the completion event as published (JSON) */
    public void request(String event) throws IOException {
        CompletedApplication completed = objectMapper.readValue(event, CompletedApplication.class);
        Optional<CatalogueService> service = catalogue.service(completed.serviceCode());
        if (service.isEmpty() || !service.get().feedbackEnabled()) {
            LOG.debug("No survey for {}: {} does not ask for feedback", completed.applicationId(),
                    completed.serviceCode());
            return;
        }
        Optional<String> number = contacts.mobileOf(completed.contactRef());
        if (number.isEmpty()) {
            LOG.warn("No survey for {}: its contact cannot be found", completed.applicationId());
            return;
        }
        String numberHash = cipher.fingerprint(CitizenNumber.national(number.get()));
        if (surveys.hasOptedOut(numberHash)) {
            LOG.info("No survey for {}: the citizen's number opted out", completed.applicationId());
            return;
        }
        var now = clock.instant();
        if (surveys.addPending(completed, numberHash, SurveyTokens.next(), quietHours.sendAt(now), now)) {
            LOG.info("Survey of {} to be sent", completed.applicationId());
        }
    }
}
