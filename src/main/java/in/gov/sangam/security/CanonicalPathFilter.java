package in.gov.sangam.security;

import in.gov.sangam.api.ProblemType;
import in.gov.sangam.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One form of a path. Spring Security and Camel's REST matching each have their own idea of which paths are the
 * same (a trailing slash, a different case, {@code //}, {@code ;} parameters, encoded characters, dot segments);
 * where they disagree, a rule can be walked around. So, before security or any route looks at it, a request under
 * {@code /api} must name an operation of the contract exactly as the contract writes it: anything else is refused
 * here, and what gets through is matched by both in the same, only form. No path of the hub, inside the API or
 * out, needs those spellings, so they are refused everywhere.
 */
class CanonicalPathFilter extends OncePerRequestFilter {

    private static final String DOCS = "/api/docs";

    private final ContractOperations operations;
    private final Problems problems;

    CanonicalPathFilter(ContractOperations operations, Problems problems) {
        this.operations = operations;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The raw path as sent, before the container decodes or normalises anything.
        String path = request.getRequestURI();
        // Every path, not only the API's: '/%61pi/v1/…' is '/api/v1/…' once decoded.
        String flaw = flaw(path);
        if (flaw != null) {
            problems.send(response, ProblemType.NON_CANONICAL_PATH, "The path " + flaw
                    + ". Write each path exactly as the contract does (see /api/docs).", path);
            return;
        }
        if (!path.toLowerCase(Locale.ROOT).startsWith("/api")) {
            chain.doFilter(request, response);
            return;
        }
        if (path.equals(DOCS) || path.startsWith(DOCS + "/")) {
            chain.doFilter(request, response);
            return;
        }
        if (operations.find(request.getMethod(), path).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> methods = operations.methodsOn(path);
        if (!methods.isEmpty()) {
            response.setHeader("Allow", String.join(", ", methods));
            problems.send(response, ProblemType.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on "
                    + path + "; it allows " + String.join(", ", methods) + ".", path);
            return;
        }
        Optional<String> canonical = operations.canonicalSpelling(path);
        if (canonical.isPresent()) {
            problems.send(response, ProblemType.NON_CANONICAL_PATH, "The path differs in case from "
                    + canonical.get() + ". Paths are matched exactly as the contract writes them.", path);
            return;
        }
        problems.send(response, ProblemType.NOT_FOUND, "Nothing is served at " + path
                + ". The API is described at /api/docs.", path);
    }

    /** What makes a raw path non-canonical, or null when it is in its one form. */
    static String flaw(String path) {
        if (path.indexOf(';') >= 0) {
            return "carries ';' parameters";
        }
        if (path.indexOf('%') >= 0) {
            return "has percent-encoded characters, which no path of the API needs";
        }
        if (path.indexOf('\\') >= 0) {
            return "has a backslash";
        }
        if (path.contains("//")) {
            return "has an empty segment ('//')";
        }
        if (path.length() > 1 && path.endsWith("/")) {
            return "ends with '/'";
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return "has a '" + segment + "' segment";
            }
        }
        return null;
    }
}
