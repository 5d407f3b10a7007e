package in.gov.sangam.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Production trusts the state's identity provider, and only for tokens that are its own (issuer), meant for the hub
 * (audience) and still valid (expiry, which must be present). The provider's keys are fetched on the first request,
 * so the hub starts even while the provider is briefly unreachable.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class ProductionTokenConfiguration {

    /** Clocks of the identity provider and the hub may differ a little. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    JwtDecoder jwtDecoder(@Value("${" + ProductionSettingsCheck.ISSUER + "}") String issuer,
            @Value("${" + ProductionSettingsCheck.AUDIENCE + "}") String audience) {
        OAuth2TokenValidator<Jwt> validator = validator(issuer, audience);
        // Each token is checked once (VerifiedTokens); the issuer's keys are fetched at the first token.
        return new VerifiedTokens(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(validator);
            return decoder;
        }), Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        tokenAudience -> tokenAudience != null && tokenAudience.contains(audience)));
    }
}
