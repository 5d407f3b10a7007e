package in.gov.sangam.security;

import in.gov.sangam.api.ProblemType;
import in.gov.sangam.api.Problems;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits: a client with a token is limited by its client id, at the rate of its scope; a caller without one
 * (the public catalogue, the token endpoint) by its remote address. Every answer says where the caller stands
 * ({@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset}); one over the limit is answered
 * 429 with {@code Retry-After}, before anything else is done for it.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Problems problems;
    private final boolean tokenEndpoint;

    private RateLimitFilter(RateLimits limits, Problems problems, boolean tokenEndpoint) {
        this.limits = limits;
        this.problems = problems;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** For the API: runs after the bearer token is verified, so it knows the client. */
    static RateLimitFilter perClient(RateLimits limits, Problems problems) {
        return new RateLimitFilter(limits, problems, false);
    }

    /** For the token endpoint, so that client secrets cannot be guessed at speed. */
    static RateLimitFilter onTokenEndpoint(RateLimits limits, Problems problems) {
        return new RateLimitFilter(limits, problems, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limits.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String caller;
        RateLimitProperties.Limit limit;
        if (tokenEndpoint) {
            caller = "token-endpoint:" + request.getRemoteAddr();
            limit = limits.tokenEndpoint();
        } else if (authentication instanceof JwtAuthenticationToken jwt) {
            caller = "client:" + jwt.getName();
            limit = limits.forScopes(TokenScopes.of(jwt));
        } else if (authentication instanceof GatewayCredentials gateway) {
            // The SMS gateway by HTTP Basic: the same client, and the same limit, as with its bearer token.
            caller = "client:" + gateway.getName();
            limit = limits.forScopes(List.of("sms-gateway"));
        } else {
            caller = "address:" + request.getRemoteAddr();
            limit = limits.anonymous();
        }
        if (admitted(limits, problems, caller, limit, request, response)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Takes one request from the caller's allowance and says so in the answer's headers; when none is left, answers
     * 429 with Retry-After and returns false.
     */
    static boolean admitted(RateLimits limits, Problems problems, String caller, RateLimitProperties.Limit limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsumptionProbe probe = limits.take(caller, limit);
        response.setHeader("RateLimit-Limit", Long.toString(limit.requests()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset",
                Long.toString(RateLimits.seconds(probe.getNanosToWaitForReset()).orElse(0L)));
        if (probe.isConsumed()) {
            return true;
        }
        long retryAfter = RateLimits.seconds(probe.getNanosToWaitForRefill()).orElse(1L);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        problems.send(response, ProblemType.TOO_MANY_REQUESTS, "More than " + limit.requests() + " requests in "
                + limit.per().toString().substring(2).toLowerCase() + "; try again in " + retryAfter + " s.",
                request.getRequestURI());
        return false;
    }
}
