package in.gov.sangam.applications;

import in.gov.sangam.appeal.Applicants;
import in.gov.sangam.feedback.CitizenContacts;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The applicant's number (and, for the appeal, their language): a completion event's contact reference is its
 * application's id, as is an appeal's, and the number stays here with the application rather than travelling in events.
 */
@Component
class ApplicationContacts implements CitizenContacts, Applicants {

    private final ApplicationStore store;

    ApplicationContacts(ApplicationStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> mobileOf(String contactRef) {
        return store.find(contactRef).map(StoredApplication::applicantMobile);
    }

    @Override
    public Optional<Applicant> of(String applicationId) {
        return store.find(applicationId)
                .map(application -> new Applicant(application.applicantMobile(), application.applicantLanguage()));
    }
}
