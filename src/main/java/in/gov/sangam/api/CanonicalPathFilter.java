package in.gov.sangam.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API path has one form, so that security's rules and the routes always see the same path. Camel serves
 * {@code /x/} as it serves {@code /x}, while Spring Security's rules match {@code /x} only: with a trailing slash a
 * request slipped past the rule that keeps a department to its own call-back, and a revenue token could move a
 * health application. A path of the API that ends with a slash is therefore answered 404, as any path not served.
 * (Double slashes, dot segments, semicolons and encoded dots or slashes are refused already, by Spring Security's
 * firewall and by Tomcat.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CanonicalPathFilter extends OncePerRequestFilter {

    private static final String API = "/api/v1/";

    private final Problems problems;

    CanonicalPathFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith(API) && path.endsWith("/")) {
            problems.send(response, ProblemType.NOT_FOUND, ProblemErrorController.detail(ProblemType.NOT_FOUND, path),
                    path);
            return;
        }
        chain.doFilter(request, response);
    }
}
