package in.gov.sangam.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's firewall refuses requests it will not let near the application (a path that is not normalised
 * or holds a semicolon or an encoded dot, a method such as TRACE) with {@code sendError(400)}. The error page then
 * runs through the same firewall, which refuses a TRACE again, and the client got an empty 400. The problem is
 * written here instead, at once; Spring Security uses a {@link RequestRejectedHandler} bean in place of its own.
 */
@Component
class FirewallProblems implements RequestRejectedHandler {

    private final Problems problems;

    FirewallProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.send(response, ProblemType.INVALID_REQUEST,
                ProblemErrorController.detail(ProblemType.INVALID_REQUEST, null), null);
    }
}
