package in.gov.sangam.applications;

import in.gov.sangam.catalogue.CatalogueDepartment;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Translates a department's own status code into the hub's vocabulary, with the code list in the department's
 * {@code connector.yaml}. The hub's own status names are understood from every department.
 */
@Component
public class StatusNormaliser {

    public ApplicationStatus normalise(CatalogueDepartment department, String code) {
        String key = code.trim().toUpperCase(Locale.ROOT);
        String mapped = department.statusCodes().get(key);
        if (mapped != null) {
            return ApplicationStatus.valueOf(mapped);
        }
        for (ApplicationStatus status : ApplicationStatus.values()) {
            if (status.name().equals(key)) {
                return status;
            }
        }
        TreeSet<String> known = new TreeSet<>(department.statusCodes().keySet());
        for (ApplicationStatus status : ApplicationStatus.values()) {
            known.add(status.name());
        }
        throw Refused.invalid(List.of(new FieldProblem("status",
                "'" + code + "' is not a status code of " + department.code() + " (known: " + String.join(", ", known)
                        + ")")));
    }
}
