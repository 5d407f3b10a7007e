package in.gov.sangam.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import in.gov.sangam.api.Problems;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * A small OAuth2 authorization server inside the hub, for the default profile only: it issues client-credentials
 * tokens at {@code POST /oauth2/token} to the demo clients, signed with a key made at start-up (so tokens do not
 * survive a restart). Production turns it off and trusts the state's identity provider instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sangam.security.embedded-authorization-server.enabled", havingValue = "true")
class EmbeddedAuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, RateLimits limits, Problems problems)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                // Limited before the client's secret is even checked, so secrets cannot be guessed at speed.
                .addFilterBefore(RateLimitFilter.onTokenEndpoint(limits, problems), SecurityContextHolderFilter.class);
        return http.build();
    }

    @Bean
    RegisteredClientRepository demoClients(EmbeddedAuthorizationServerProperties properties) {
        List<RegisteredClient> clients = new ArrayList<>();
        properties.clients().forEach((id, client) -> clients.add(
                DemoClientRegistrations.clientCredentials(id, client.secret(), client.scopes())));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * A 2048-bit RSA key takes about a second of CPU to make on a small machine, and nothing needs it before the
     * first token is asked for, so it is made on another thread while the hub starts; the first token waits for it.
     */
    @Bean
    JWKSource<SecurityContext> tokenSigningKey() {
        CompletableFuture<JWKSet> keys = CompletableFuture.supplyAsync(EmbeddedAuthorizationServerConfiguration::newSigningKey);
        return (selector, context) -> selector.select(keys.join());
    }

    private static JWKSet newSigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new JWKSet(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        }
    }

    /** The API checks tokens against the same key in memory (no call to itself over HTTP), each token once. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> tokenSigningKey) {
        return new VerifiedTokens(OAuth2AuthorizationServerConfiguration.jwtDecoder(tokenSigningKey),
                Clock.systemUTC());
    }

    /**
     * A client that asks for no particular scope gets all of its own (RFC 6749, 3.3 lets the server choose a
     * default), so {@code curl -u portal:portal-secret -d grant_type=client_credentials} is enough.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> defaultToRegisteredScopes() {
        return context -> {
            if (context.getAuthorizedScopes().isEmpty()) {
                context.getClaims().claim(OAuth2ParameterNames.SCOPE, context.getRegisteredClient().getScopes());
            }
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }
}
