package in.gov.sangam.security;

import in.gov.sangam.applications.ApplicationsApi;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the verified client id to the routes as the request header {@code Sangam-Client-Id}, replacing whatever a
 * caller sent under that name, so routes can scope idempotency keys (and later department rights) to the caller.
 */
class AuthenticatedClientFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String clientId = authentication instanceof JwtAuthenticationToken jwt ? clientIdOf(jwt.getToken()) : null;
        chain.doFilter(new ClientIdRequest(request, clientId), response);
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

        ClientIdRequest(HttpServletRequest request, String clientId) {
            super(request);
            this.clientId = clientId;
        }

        private static boolean isClientHeader(String name) {
            return ApplicationsApi.CLIENT_HEADER.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return isClientHeader(name) ? clientId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (isClientHeader(name)) {
                return clientId == null ? Collections.emptyEnumeration()
                        : Collections.enumeration(Set.of(clientId));
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
            return Collections.enumeration(names);
        }
    }
}
