package in.gov.sangam.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the web server raises before any route runs (an unknown path, a wrong method, a body that is not JSON)
 * are answered as problem documents too, instead of Spring Boot's own error page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Called directly rather than dispatched to for an error: there is nothing here to see.
            return ResponseEntity.status(404).header("Content-Type", Problems.MEDIA_TYPE).body(problems.json(
                    ProblemType.NOT_FOUND, detail(ProblemType.NOT_FOUND, "/error"), null, "/error"));
        }
        int status = code instanceof Integer value ? value : 500;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemType type = ProblemType.forStatus(status);
        return ResponseEntity.status(type == ProblemType.INTERNAL_ERROR ? 500 : status)
                .header("Content-Type", Problems.MEDIA_TYPE)
                .body(problems.json(type, detail(type, path), null, path));
    }

    /** What a problem the web server raised by itself says. */
    static String detail(ProblemType type, String path) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is served at " + path + ". The API is described at /api/docs.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on " + path + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This operation answers only in application/json.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than the hub accepts.";
            case INVALID_REQUEST -> "The request could not be read: its path, headers or encoding are malformed.";
            default -> "The hub could not complete the request. It has been logged; retrying is safe.";
        };
    }
}
