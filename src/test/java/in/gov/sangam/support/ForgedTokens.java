package in.gov.sangam.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Tokens a real authorization server would never hand out: expired ones, and ones signed by someone else's key. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** Signed with the hub's own key, with every scope, but expired an hour ago. */
    public static String expired(JWKSource<SecurityContext> hubKey) {
        Instant issued = Instant.now().minusSeconds(7200);
        return sign(hubKey, issued, issued.plusSeconds(3600));
    }

    /** Valid in every way but one: signed by a key the hub does not know. */
    public static String signedByAnotherKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("not-the-hub").generate();
            Instant issued = Instant.now();
            return sign(new ImmutableJWKSet<>(new JWKSet(key)), issued, issued.plusSeconds(3600));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWKSource<SecurityContext> key, Instant issued, Instant expires) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject("admin")
                .claim("scope", List.of("portal", "admin", "department:health", "department:revenue",
                        "department:education"))
                .issuedAt(issued)
                .notBefore(issued)
                .expiresAt(expires)
                .build();
        return new NimbusJwtEncoder(key).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
