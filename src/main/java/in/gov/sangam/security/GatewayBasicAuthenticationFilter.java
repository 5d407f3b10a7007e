package in.gov.sangam.security;

import in.gov.sangam.api.ProblemType;
import in.gov.sangam.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies HTTP Basic credentials, which only the SMS gateway sends (Kannel's sms-service takes them from its
 * get-url): the configured client id and secret ({@code sangam.sms.replies.username} and {@code .password}), compared
 * in constant time. Verified, the caller is {@link GatewayCredentials}, which the contract lets in only where it
 * declares an HTTP Basic scheme; wrong credentials are answered 401 at once. Without a configured secret, Basic
 * credentials are never accepted.
 */
class GatewayBasicAuthenticationFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final String clientId;
    private final byte[] expected;
    private final Problems problems;
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    GatewayBasicAuthenticationFilter(String clientId, String secret, Problems problems) {
        this.clientId = clientId;
        this.expected = secret == null || secret.isBlank() ? null
                : (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            chain.doFilter(request, response);
            return;
        }
        if (!matches(authorization.substring(BASIC.length()).trim())) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"sangam\", charset=\"UTF-8\"");
            problems.send(response, ProblemType.UNAUTHENTICATED,
                    "These HTTP Basic credentials are not the SMS gateway's.", request.getRequestURI());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new GatewayCredentials(clientId));
        SecurityContextHolder.setContext(context);
        // Kept with the request too, as the bearer-token filter keeps its own: Camel answers on an async dispatch,
        // where the access rules are checked again and must find the caller.
        contexts.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private boolean matches(String encoded) {
        if (expected == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(Base64.getDecoder().decode(encoded), expected);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
