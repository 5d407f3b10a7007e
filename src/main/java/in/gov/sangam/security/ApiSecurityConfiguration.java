package in.gov.sangam.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is an OAuth2 resource server: every caller sends a bearer JWT, whose scopes decide what it may do. No
 * sessions, no cookies, so no CSRF to defend against.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        AccessRules.apply(http);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(publicCatalogueIgnoresTokens())
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .addFilterAfter(new AuthenticatedClientFilter(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The catalogue is public: a portal holding an expired token must still be able to list services, so a token
     * sent with a catalogue request is not even looked at.
     */
    private static BearerTokenResolver publicCatalogueIgnoresTokens() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> AccessRules.PUBLIC_CATALOGUE.matches(request) ? null : resolver.resolve(request);
    }
}
