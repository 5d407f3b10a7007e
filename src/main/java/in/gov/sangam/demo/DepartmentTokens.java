package in.gov.sangam.demo;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import in.gov.sangam.security.DemoClientRegistrations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Tokens for the simulated departments' call-backs, signed by the embedded authorization server's key exactly as
 * the demo client {@code dept-<department>} would get them: only in the default profile, where both exist.
 */
@Component
@Profile("default")
@ConditionalOnProperty(name = {"sangam.simulators.enabled", "sangam.demo.auto-progress"}, havingValue = "true")
class DepartmentTokens {

    private final ObjectProvider<JWKSource<SecurityContext>> signingKey;

    DepartmentTokens(ObjectProvider<JWKSource<SecurityContext>> signingKey) {
        this.signingKey = signingKey;
    }

    String tokenFor(String department) {
        JWKSource<SecurityContext> key = signingKey.getIfAvailable();
        if (key == null) {
            throw new IllegalStateException("No embedded authorization server: simulated call-backs need one");
        }
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(DemoClientRegistrations.departmentClientId(department))
                .issuedAt(now)
                .expiresAt(now.plus(10, ChronoUnit.MINUTES))
                .claim("scope", List.of(DemoClientRegistrations.departmentScope(department)))
                .build();
        return new NimbusJwtEncoder(key).encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }
}
