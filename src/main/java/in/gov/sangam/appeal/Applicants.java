package in.gov.sangam.appeal;

import java.util.Optional;

/**
 * How the appeal reaches the citizen an appeal is for (implemented by the applications' side, which keeps the number):
 * the number and the language they applied in, asked for only to tell them of their appeal.
 */
public interface Applicants {

    /** The applicant of the application, if it is still there. */
    Optional<Applicant> of(String applicationId);

    /**
     * @param mobile the number the application was submitted with (+91…), or null if it has none
     * @param language the language they applied in (en, hi, ur, ...)
     */
    record Applicant(String mobile, String language) {
    }
}
