package in.gov.sangam.security;

import in.gov.sangam.api.ProblemType;
import in.gov.sangam.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers 401 and 403 with the same problem documents as every other error of the API. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final AccessRules rules;
    private final RateLimits limits;

    ProblemSecurityHandlers(Problems problems, AccessRules rules, RateLimits limits) {
        this.problems = problems;
        this.rules = rules;
        this.limits = limits;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // A token that fails is never a client's: it counts against its address, so tokens cannot be tried at speed.
        if (limits.enabled() && !RateLimitFilter.admitted(limits, problems, "address:" + request.getRemoteAddr(),
                limits.anonymous(), request, response)) {
            return;
        }
        if (rules.takesBasicOnly(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"sangam\", charset=\"UTF-8\"");
            write(response, request, ProblemType.UNAUTHENTICATED,
                    "Send the SMS gateway's HTTP Basic credentials (client sms-gateway).");
            return;
        }
        boolean badToken = failure instanceof InvalidBearerTokenException;
        String detail = badToken
                ? "The access token is not valid (" + failure.getMessage() + "). Get a new one from the token endpoint."
                : "Send an OAuth2 access token as 'Authorization: Bearer <token>'.";
        response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, request, ProblemType.UNAUTHENTICATED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        write(response, request, ProblemType.FORBIDDEN, rules.requiredScopeDescription(request));
    }

    private void write(HttpServletResponse response, HttpServletRequest request, ProblemType type, String detail)
            throws IOException {
        problems.send(response, type, detail, request.getRequestURI());
    }
}
