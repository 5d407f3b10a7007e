package in.gov.sangam.security;

import in.gov.sangam.applications.ApplicationsApi;
import in.gov.sangam.audit.AuditApi;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the verified client id to the routes as the request header {@code Sangam-Client-Id}, and the token's scopes
 * (space-separated) as {@code Sangam-Client-Scopes}, replacing whatever a caller sent under those names, so routes
 * can scope idempotency keys (and later department rights) to the caller and check the admin scope a second time.
 */
class AuthenticatedClientFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String clientId = authentication instanceof JwtAuthenticationToken jwt ? clientIdOf(jwt.getToken()) : null;
        String scopes = authentication instanceof JwtAuthenticationToken jwt ? scopesOf(jwt) : null;
        chain.doFilter(new ClientIdRequest(request, clientId, scopes), response);
    }

    private static String scopesOf(JwtAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("SCOPE_"))
                .map(authority -> authority.substring("SCOPE_".length()))
                .collect(Collectors.joining(" "));
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

    private static final class ClientIdRequest extends HttpServletRequestWrapper {

        private final String clientId;
        private final String scopes;

        ClientIdRequest(HttpServletRequest request, String clientId, String scopes) {
            super(request);
            this.clientId = clientId;
            this.scopes = scopes;
        }

        private static boolean isClientHeader(String name) {
            return ApplicationsApi.CLIENT_HEADER.equalsIgnoreCase(name)
                    || AuditApi.SCOPES_HEADER.equalsIgnoreCase(name);
        }

        private String verified(String name) {
            return ApplicationsApi.CLIENT_HEADER.equalsIgnoreCase(name) ? clientId : scopes;
        }

        @Override
        public String getHeader(String name) {
            return isClientHeader(name) ? verified(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (isClientHeader(name)) {
                String value = verified(name);
                return value == null ? Collections.emptyEnumeration() : Collections.enumeration(Set.of(value));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>();
            Collections.list(super.getHeaderNames()).stream().filter(n -> !isClientHeader(n)).forEach(names::add);
            if (clientId != null) {
                names.add(ApplicationsApi.CLIENT_HEADER);
            }
            if (scopes != null) {
                names.add(AuditApi.SCOPES_HEADER);
            }
            return Collections.enumeration(names);
        }
    }
}
