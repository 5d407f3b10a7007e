package in.gov.sangam.applications;

import in.gov.sangam.appeal.ApplicationRecords;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The applications' facts and history for the appeals' evidence records, without the applicant's personal data. */
@Component
class ApplicationRecordsStore implements ApplicationRecords {

    private final ApplicationStore store;

    ApplicationRecordsStore(ApplicationStore store) {
        this.store = store;
    }

    @Override
    public Optional<Facts> find(String applicationId) {
        return store.find(applicationId).map(application -> new Facts(application.applicationId(),
                application.serviceCode(), application.department(), application.applicantDistrict(),
                application.status().name(), application.acknowledgedAt(), application.dueBy()));
    }

    @Override
    public List<Change> history(String applicationId) {
        return store.history(applicationId).stream().map(StatusChange::asRecorded).toList();
    }
}
