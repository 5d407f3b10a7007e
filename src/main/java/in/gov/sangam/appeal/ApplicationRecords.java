package in.gov.sangam.appeal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An application's facts and history as an appeal's evidence record shows them (implemented by the applications'
 * store): no personal data crosses this port, only what the appellate authority needs.
 */
public interface ApplicationRecords {

    Optional<Facts> find(String applicationId);

    /** The application's changes of status, oldest first. */
    List<Change> history(String applicationId);

    /** What the authority needs to know of an application: no name, number or form. */
    record Facts(String applicationId, String serviceCode, String department, String district, String status,
            Instant acknowledgedAt, Instant dueBy) {
    }

    /** One change of status, with what the department said (a rejection's or return's reason). */
    record Change(String status, Instant at, String remark, String reason) {
    }
}
