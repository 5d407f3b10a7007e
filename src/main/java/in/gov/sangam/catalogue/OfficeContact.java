package in.gov.sangam.catalogue;

import java.util.Map;

/**
 * How to reach an officer or an authority a department's services name by title (department.yaml {@code contacts}):
 * the office's e-mail address and, optionally, its mobile number, with the district offices of the same title that
 * have addresses of their own.
 *
 * @param mobile null when none is given (the office is told by e-mail only)
 * @param districts the district offices that differ from the state-wide one, by district
 */
public record OfficeContact(String email, String mobile, Map<String, OfficeContact> districts) {

    public OfficeContact {
        districts = districts == null ? Map.of() : Map.copyOf(districts);
    }

    /** The office that serves an applicant of the district: its district's own, or the state-wide one. */
    public OfficeContact in(String district) {
        return district == null ? this : districts.getOrDefault(district, this);
    }
}
