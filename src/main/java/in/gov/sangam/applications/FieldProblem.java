package in.gov.sangam.applications;

/** What is wrong with one field of a request, named by its path ({@code applicant.aadhaar}, {@code formData.tehsil}). */
public record FieldProblem(String field, String message) {
}
