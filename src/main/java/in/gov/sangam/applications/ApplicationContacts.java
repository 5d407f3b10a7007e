package in.gov.sangam.applications;

import in.gov.sangam.feedback.CitizenContacts;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The applicant's number, for feedback: a completion event's contact reference is its application's id, and the
 * number stays here with the application rather than travelling in events.
 */
@Component
class ApplicationContacts implements CitizenContacts {

    private final ApplicationStore store;

    ApplicationContacts(ApplicationStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> mobileOf(String contactRef) {
        return store.find(contactRef).map(StoredApplication::applicantMobile);
    }
}
