package in.gov.sangam.applications;

import java.util.List;

/**
 * The domain's refusal of a request it cannot carry out as asked, with why; nothing has been changed when it is
 * thrown. The edge (api) answers it as application/problem+json; a connector that meets it keeps a dead letter.
 */
public class Refused extends RuntimeException {

    /** Why, in the domain's terms; the edge chooses the HTTP status. */
    public enum Reason {
        NOT_FOUND, UNKNOWN_SERVICE, ILLEGAL_TRANSITION, IDEMPOTENCY_KEY_REUSED, INVALID, MALFORMED
    }

    private final Reason reason;
    private final transient List<FieldProblem> fields;

    public Refused(Reason reason, String detail) {
        this(reason, detail, List.of());
    }

    public Refused(Reason reason, String detail, List<FieldProblem> fields) {
        super(detail);
        this.reason = reason;
        this.fields = List.copyOf(fields);
    }

    /** Fields that are not valid. */
    public static Refused invalid(List<FieldProblem> fields) {
        String detail = fields.size() == 1 ? "1 field is not valid: " + fields.get(0).field() + "."
                : fields.size() + " fields are not valid.";
        return new Refused(Reason.INVALID, detail, fields);
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** The detail with each field's problem, for a log line or a dead letter's reason. */
    public String describe() {
        if (fields.isEmpty()) {
            return getMessage();
        }
        StringBuilder text = new StringBuilder();
        for (FieldProblem problem : fields) {
            text.append(text.isEmpty() ? "" : "; ").append(problem.field()).append(' ').append(problem.message());
        }
        return text.toString();
    }
}
