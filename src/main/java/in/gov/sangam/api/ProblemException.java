package in.gov.sangam.api;

import in.gov.sangam.api.model.FieldError;
import in.gov.sangam.applications.Refused;
import java.util.List;

/**
 * Thrown by the edge's beans when a request cannot be served as asked (the domain's own {@link Refused} becomes one). The error-handling route configuration
 * turns it into an {@code application/problem+json} answer; nothing has been changed when it is thrown.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** The domain's refusal as the contract answers it. */
    public static ProblemException of(Refused refused) {
        ProblemType type = switch (refused.reason()) {
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case UNKNOWN_SERVICE -> ProblemType.UNKNOWN_SERVICE;
            case ILLEGAL_TRANSITION -> ProblemType.ILLEGAL_TRANSITION;
            case IDEMPOTENCY_KEY_REUSED -> ProblemType.IDEMPOTENCY_KEY_REUSED;
            case INVALID -> ProblemType.INVALID_REQUEST;
            case MALFORMED -> ProblemType.MALFORMED_JSON;
        };
        return new ProblemException(type, refused.getMessage(), refused.fields().stream()
                .map(problem -> field(problem.field(), problem.message())).toList());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is not valid: " + errors.get(0).getField() + "."
                : errors.size() + " fields are not valid.";
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, errors);
    }

    public static FieldError field(String field, String message) {
        return new FieldError().field(field).message(message);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
