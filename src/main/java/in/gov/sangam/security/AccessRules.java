package in.gov.sangam.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Who may call what. The catalogue and the health probes are public; applications need the portal's or an
 * administrator's scope; anything else under the API needs a valid token.
 */
final class AccessRules {

    static final String PORTAL = "SCOPE_portal";
    static final String ADMIN = "SCOPE_admin";

    private AccessRules() {
    }

    static void apply(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/v1/departments", "/api/v1/services", "/api/v1/services/*")
                .permitAll()
                .requestMatchers("/api/v1/applications", "/api/v1/applications/**").hasAnyAuthority(PORTAL, ADMIN)
                .requestMatchers("/api/docs", "/api/docs/**").permitAll()
                .requestMatchers("/api/**").authenticated()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                .requestMatchers("/actuator/**").hasAuthority(ADMIN)
                .anyRequest().permitAll());
    }

    /** The sentence a 403 answers with, naming the scopes the path needs. */
    static String requiredScopeDescription(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/v1/applications")) {
            return "This operation needs the scope 'portal' or 'admin'.";
        }
        return "This operation needs the scope 'admin'.";
    }
}
