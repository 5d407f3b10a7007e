package in.gov.sangam.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.model.FieldError;
import in.gov.sangam.api.model.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders problems as RFC 9457 {@code application/problem+json} documents, the one error format of the hub. */
@Component
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ObjectMapper objectMapper;

    public Problems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The contract's limits on what a problem may hold (openapi/portal-api.yaml, Problem and FieldError). */
    private static final int DETAIL_LENGTH = 10_000;
    private static final int FIELD_LENGTH = 300;
    private static final int MESSAGE_LENGTH = 1_000;
    private static final int MOST_ERRORS = 100;

    public Problem problem(ProblemType type, String detail, List<FieldError> errors, String instance) {
        Problem problem = new Problem()
                .type(type.uri())
                .title(type.title())
                .status(type.status().value())
                .detail(ProblemText.visible(detail, DETAIL_LENGTH))
                .instance(instance);
        if (errors != null && !errors.isEmpty()) {
            problem.setErrors(errors.stream().limit(MOST_ERRORS)
                    .map(error -> new FieldError()
                            .field(ProblemText.visible(error.getField(), FIELD_LENGTH))
                            .message(ProblemText.visible(error.getMessage(), MESSAGE_LENGTH)))
                    .toList());
        }
        return problem;
    }

    /**
     * Answers a servlet request with a problem, whole and at once: for the filters that refuse a request before
     * Spring or a route reads it. Sent with its length and flushed, because Tomcat drains what is left of the
     * request body before it ends an unflushed answer, and a client still sending must have its answer meanwhile.
     */
    public void send(HttpServletResponse response, ProblemType type, String detail, String instance)
            throws IOException {
        byte[] problem = json(type, detail, null, instance).getBytes(StandardCharsets.UTF_8);
        response.setStatus(type.status().value());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(problem.length);
        response.getOutputStream().write(problem);
        response.flushBuffer();
    }

    public String json(ProblemType type, String detail, List<FieldError> errors, String instance) {
        try {
            return objectMapper.writeValueAsString(problem(type, detail, errors, instance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }
}
