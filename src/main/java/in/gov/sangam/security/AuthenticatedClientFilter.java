package in.gov.sangam.security;

import in.gov.sangam.api.ProblemType;
import in.gov.sangam.api.Problems;
import in.gov.sangam.api.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the verified caller to the routes as the request headers {@code Sangam-Client-Id} and
 * {@code Sangam-Client-Scopes}, replacing whatever a caller sent under those names, so routes can scope idempotency
 * keys to the caller and the domain can check its rights a second time. A query parameter of either name is
 * refused, because Camel would hand it to the routes as a header as well.
 */
class AuthenticatedClientFilter extends OncePerRequestFilter {

    private final Problems problems;

    AuthenticatedClientFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String posing = queryParameterPosingAsTrustedHeader(request.getQueryString());
        if (posing != null) {
            // Camel hands query parameters to the routes as headers too: this one would stand in for the hub's own.
            problems.send(response, ProblemType.INVALID_REQUEST, "The query parameter '" + posing
                    + "' is not part of any operation; the hub sets that name itself.", request.getRequestURI());
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Map<String, String> trusted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        trusted.put(Caller.CLIENT_HEADER, null);
        trusted.put(Caller.SCOPES_HEADER, null);
        if (authentication instanceof JwtAuthenticationToken jwt) {
            trusted.put(Caller.CLIENT_HEADER, clientIdOf(jwt.getToken()));
            trusted.put(Caller.SCOPES_HEADER, String.join(" ", TokenScopes.of(jwt)));
        }
        chain.doFilter(new TrustedHeadersRequest(request, trusted), response);
    }

    private static String queryParameterPosingAsTrustedHeader(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8).trim();
            } catch (IllegalArgumentException malformed) {
                // Left as sent: the contract's validator will refuse the malformed escape.
            }
            if (name.equalsIgnoreCase(Caller.CLIENT_HEADER) || name.equalsIgnoreCase(Caller.SCOPES_HEADER)) {
                return name;
            }
        }
        return null;
    }

    /** Client-credentials tokens name the client as subject; some identity providers use azp or client_id. */
    private static String clientIdOf(Jwt token) {
        for (String claim : new String[] {"sub", "azp", "client_id"}) {
            String value = token.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The request with the trusted headers set by the hub, never by the caller. */
    private static final class TrustedHeadersRequest extends HttpServletRequestWrapper {

        private final Map<String, String> trusted;

        TrustedHeadersRequest(HttpServletRequest request, Map<String, String> trusted) {
            super(request);
            this.trusted = trusted;
        }

        @Override
        public String getHeader(String name) {
            return trusted.containsKey(name) ? trusted.get(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (trusted.containsKey(name)) {
                String value = trusted.get(name);
                return value == null ? Collections.emptyEnumeration() : Collections.enumeration(Set.of(value));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>();
            Collections.list(super.getHeaderNames()).stream().filter(n -> !trusted.containsKey(n)).forEach(names::add);
            trusted.forEach((name, value) -> {
                if (value != null) {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }
    }
}
