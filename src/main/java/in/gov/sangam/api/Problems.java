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

    public Problem problem(ProblemType type, String detail, List<FieldError> errors, String instance) {
        Problem problem = new Problem()
                .type(type.uri())
                .title(type.title())
                .status(type.status().value())
                .detail(detail)
                .instance(instance);
        if (errors != null && !errors.isEmpty()) {
            problem.setErrors(errors);
        }
        return problem;
    }

    public String json(ProblemType type, String detail, List<FieldError> errors, String instance) {
        try {
            return objectMapper.writeValueAsString(problem(type, detail, errors, instance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }

    /** Answers a request with a problem from a servlet filter, before any route or controller runs. */
    public void write(HttpServletResponse response, ProblemType type, String detail, String instance)
            throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(type, detail, null, instance));
    }
}
