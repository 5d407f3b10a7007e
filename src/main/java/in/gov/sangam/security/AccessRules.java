package in.gov.sangam.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may call what, nothing allowed unless granted. Under the API the contract decides: each operation's
 * {@code security} requirement names the scopes that open it ({@link ContractOperations}), and a request that names
 * no operation, or an operation that declares nothing, is refused. Outside the API: the health probes, the API docs
 * and Swagger UI's files are public, the other actuator endpoints need {@code admin}, and everything else is denied.
 */
@Component
class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    static final String ADMIN = "SCOPE_admin";

    private final ContractOperations operations;

    AccessRules(ContractOperations operations) {
        this.operations = operations;
    }

    void apply(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(operations.basePath() + "/**").access(this)
                .requestMatchers("/api/docs", "/api/docs/**").permitAll()
                // The survey page (GET and POST, routes/feedback-page.yaml): its token is the citizen's only key.
                .requestMatchers("/feedback/*", "/feedback/*/appeal").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasAuthority(ADMIN)
                // Swagger UI's files and the login-free error page.
                .requestMatchers("/webjars/**", "/error").permitAll()
                .anyRequest().denyAll());
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        var match = operations.find(request.getMethod(), request.getRequestURI());
        if (match.isEmpty()) {
            return new AuthorizationDecision(false);
        }
        Authentication caller = authentication.get();
        ContractOperation.Credentials credentials = caller instanceof JwtAuthenticationToken && caller.isAuthenticated()
                ? ContractOperation.Credentials.BEARER
                : caller instanceof GatewayCredentials && caller.isAuthenticated()
                        ? ContractOperation.Credentials.BASIC : ContractOperation.Credentials.NONE;
        return new AuthorizationDecision(match.get().operation().allows(credentials, TokenScopes.of(caller),
                match.get().pathVariables()));
    }

    /** Whether anyone may call what this request names, with or without a token. */
    boolean isPublic(HttpServletRequest request) {
        return operations.find(request.getMethod(), request.getRequestURI())
                .map(match -> match.operation().isPublic())
                .orElse(false);
    }

    /** Whether the operation a request names takes HTTP Basic credentials only (the challenge a 401 carries). */
    boolean takesBasicOnly(HttpServletRequest request) {
        return operations.find(request.getMethod(), request.getRequestURI())
                .map(match -> match.operation().access() != null && !match.operation().access().isEmpty()
                        && match.operation().access().stream().allMatch(ContractOperation.Grant::basic))
                .orElse(false);
    }

    /** The sentence a 403 answers with, naming the scopes the operation needs. */
    String requiredScopeDescription(HttpServletRequest request) {
        return operations.find(request.getMethod(), request.getRequestURI())
                .map(match -> match.operation().requiredScopes(match.pathVariables()))
                .orElse("Nothing under this path may be called with this token.");
    }
}
