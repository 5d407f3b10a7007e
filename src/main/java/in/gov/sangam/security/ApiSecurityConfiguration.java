package in.gov.sangam.security;

import in.gov.sangam.api.Problems;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API is an OAuth2 resource server: every caller sends a bearer JWT, whose scopes decide what it may do; the one
 * exception is the SMS gateway's reply call in Kannel's shape, with HTTP Basic credentials. No sessions, no cookies,
 * so no CSRF to defend against.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessRules rules, ProblemSecurityHandlers handlers,
            RateLimits limits, Problems problems, @Value("${sangam.sms.replies.username}") String gatewayClient,
            @Value("${sangam.sms.replies.password:}") String gatewaySecret) throws Exception {
        rules.apply(http);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(publicOperationsIgnoreTokens(rules))
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .addFilterBefore(new GatewayBasicAuthenticationFilter(gatewayClient, gatewaySecret, problems),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(RateLimitFilter.perClient(limits, problems), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new AuthenticatedClientFilter(problems), RateLimitFilter.class);
        return http.build();
    }

    /**
     * Paths in one form, checked before Spring Security or any route looks at the request (see
     * {@link CanonicalPathFilter}).
     */
    @Bean
    FilterRegistrationBean<CanonicalPathFilter> canonicalPaths(ContractOperations operations, Problems problems) {
        FilterRegistrationBean<CanonicalPathFilter> registration =
                new FilterRegistrationBean<>(new CanonicalPathFilter(operations, problems));
        // Right after the body-size limit, before anything reads the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Tomcat would refuse an encoded '/' or '\' itself, with an HTML page, before any filter runs; passed through
     * undecoded, they reach {@link CanonicalPathFilter}, which refuses them with a problem like every other
     * non-canonical path. Nothing else ever sees them.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheCanonicalPathFilter() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }

    /**
     * The catalogue is public: a portal holding an expired token must still be able to list services, so a token
     * sent to a public operation is not even looked at.
     */
    private static BearerTokenResolver publicOperationsIgnoreTokens(AccessRules rules) {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> rules.isPublic(request) ? null : resolver.resolve(request);
    }
}
