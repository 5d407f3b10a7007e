package in.gov.sangam.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The catalogue and the health probes are public; applications need the portal's or an
 * administrator's scope; a department reports status only under its own code; anything else under the API needs a
 * valid token.
 */
final class AccessRules {

    static final String PORTAL = "SCOPE_portal";
    static final String ADMIN = "SCOPE_admin";
    static final String DEPARTMENT_CALLBACK = "/api/v1/departments/{department}/status-updates";
    /** The catalogue, readable by anyone (GET and HEAD), with or without a token. */
    static final RequestMatcher PUBLIC_CATALOGUE = new OrRequestMatcher(
            catalogue(HttpMethod.GET, "/api/v1/departments"), catalogue(HttpMethod.GET, "/api/v1/services"),
            catalogue(HttpMethod.GET, "/api/v1/services/*"), catalogue(HttpMethod.HEAD, "/api/v1/departments"),
            catalogue(HttpMethod.HEAD, "/api/v1/services"), catalogue(HttpMethod.HEAD, "/api/v1/services/*"));
    private static final PathPatternRequestMatcher DEPARTMENT_CALLBACK_MATCHER =
            PathPatternRequestMatcher.withDefaults().matcher(DEPARTMENT_CALLBACK);

    private AccessRules() {
    }

    static void apply(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(PUBLIC_CATALOGUE).permitAll()
                .requestMatchers("/api/v1/applications", "/api/v1/applications/**").hasAnyAuthority(PORTAL, ADMIN)
                .requestMatchers(HttpMethod.POST, DEPARTMENT_CALLBACK).access(AccessRules::ownDepartmentOrAdmin)
                .requestMatchers("/api/v1/admin/**").hasAuthority(ADMIN)
                .requestMatchers("/api/docs", "/api/docs/**").permitAll()
                .requestMatchers("/api/**").authenticated()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasAuthority(ADMIN)
                // Swagger UI's files, the login-free error page and the authorization server's own endpoints.
                .requestMatchers("/webjars/**", "/error").permitAll()
                .anyRequest().authenticated());
    }

    private static RequestMatcher catalogue(HttpMethod method, String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, path);
    }

    /** A department's system may report only under its own code: scope {@code department:<code>}. */
    private static AuthorizationDecision ownDepartmentOrAdmin(Supplier<Authentication> authentication,
            RequestAuthorizationContext context) {
        String needed = "SCOPE_department:" + context.getVariables().get("department");
        boolean granted = authentication.get().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.equals(needed) || authority.equals(ADMIN));
        return new AuthorizationDecision(granted);
    }

    /** The sentence a 403 answers with, naming the scopes the path needs. */
    static String requiredScopeDescription(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/v1/applications")) {
            return "This operation needs the scope 'portal' or 'admin'.";
        }
        var callback = DEPARTMENT_CALLBACK_MATCHER.matcher(request);
        if (callback.isMatch()) {
            return "This operation needs the scope 'department:" + callback.getVariables().get("department")
                    + "' or 'admin'.";
        }
        return "This operation needs the scope 'admin'.";
    }
}
