package in.gov.sangam.api;

import org.springframework.http.HttpStatus;

/** The kinds of problem the hub reports; their URIs are stable so that clients may switch on them. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid", HttpStatus.BAD_REQUEST),
    NON_CANONICAL_PATH("non-canonical-path", "The path is not in its canonical form", HttpStatus.BAD_REQUEST),
    MALFORMED_JSON("malformed-json", "The body is not valid JSON", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.PAYLOAD_TOO_LARGE),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key already used for another request",
            HttpStatus.UNPROCESSABLE_ENTITY),
    ALREADY_REPLAYED("already-replayed", "Already replayed", HttpStatus.CONFLICT),
    ILLEGAL_TRANSITION("illegal-transition", "Status change not allowed", HttpStatus.CONFLICT),
    SURVEY_ANSWERED("survey-answered", "The survey was answered already", HttpStatus.CONFLICT),
    SURVEY_EXPIRED("survey-expired", "The survey has closed", HttpStatus.GONE),
    APPEAL_DECIDED("appeal-decided", "The appeal is not before its authority", HttpStatus.CONFLICT),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    UNKNOWN_SERVICE("unknown-service", "No such service", HttpStatus.UNPROCESSABLE_ENTITY),
    CATALOGUE_INVALID("catalogue-invalid", "The department folders are not valid", HttpStatus.UNPROCESSABLE_ENTITY),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    /** The type for an HTTP status the servlet container answered by itself, or INTERNAL_ERROR. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status && type != UNKNOWN_SERVICE && type != IDEMPOTENCY_KEY_REUSED
                    && type != MALFORMED_JSON && type != NON_CANONICAL_PATH && type != ALREADY_REPLAYED
                    && type != CATALOGUE_INVALID && type != SURVEY_ANSWERED && type != SURVEY_EXPIRED
                    && type != APPEAL_DECIDED) {
                return type;
            }
        }
        return INTERNAL_ERROR;
    }

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return "urn:sangam:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
