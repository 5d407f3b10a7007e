package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.SangamApplication;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** Production trusts a token only when its own identity provider issued it, for the hub, and it has not expired. */
@Timeout(60)
class ProductionTokensTest {

    private static final String ISSUER = "https://idp.example.gov.in/realms/state";
    private static final String AUDIENCE = "sangam-hub";

    private final OAuth2TokenValidator<Jwt> validator = ProductionTokenConfiguration.validator(ISSUER, AUDIENCE);

    @Test
    void aTokenOfTheIssuerForTheHubStillValidIsAccepted() {
        assertThat(validator.validate(token(jwt -> { })).hasErrors()).isFalse();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThat(validator.validate(token(jwt -> jwt.issuer("https://elsewhere.example"))).hasErrors()).isTrue();
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        assertThat(validator.validate(token(jwt -> jwt.audience(List.of("payroll")))).hasErrors()).isTrue();
        assertThat(validator.validate(token(jwt -> jwt.claims(claims -> claims.remove("aud")))).hasErrors()).isTrue();
    }

    @Test
    void anExpiredTokenOrOneThatNeverExpiresIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        assertThat(validator.validate(token(jwt -> jwt.issuedAt(past.minusSeconds(60)).expiresAt(past))).hasErrors())
                .isTrue();
        assertThat(validator.validate(token(jwt -> jwt.claims(claims -> claims.remove("exp")))).hasErrors()).isTrue();
    }

    @Test
    void theProductionProfileRefusesToStartWithoutIssuerAndAudience() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SangamApplication.class)
                .profiles("production")
                .run("--server.port=0"))
                .hasMessageContaining("SANGAM_ISSUER_URI")
                .hasMessageContaining("SANGAM_AUDIENCE");
    }

    @Test
    void theProductionProfileNamesTheAudienceWhenOnlyItIsMissing() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SangamApplication.class)
                .profiles("production")
                .run("--server.port=0", "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER))
                .hasMessageContaining("SANGAM_AUDIENCE")
                .hasMessageNotContaining("SANGAM_ISSUER_URI");
    }

    @Test
    void theProductionProfileRefusesToStartWithoutARealSmsGatewayAndAPublicSurveyLink() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SangamApplication.class)
                .profiles("production")
                .run("--server.port=0", "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                        "--sangam.security.audience=" + AUDIENCE))
                .hasMessageContaining("SANGAM_KANNEL_PASSWORD")
                .hasMessageContaining("SANGAM_SMS_REPLIES_PASSWORD")
                .hasMessageContaining("SANGAM_FEEDBACK_LINK_BASE")
                .hasMessageNotContaining("SANGAM_AUDIENCE");
        assertThatThrownBy(() -> new SpringApplicationBuilder(SangamApplication.class)
                .profiles("production")
                .run("--server.port=0", "--sangam.sms.gateway=nic"))
                .hasMessageContaining("SANGAM_NIC_SMS_PIN")
                .hasMessageContaining("SANGAM_DLT_ENTITY_ID");
    }

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Instant now = Instant.now();
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256")
                .issuer(ISSUER).audience(List.of(AUDIENCE)).subject("portal")
                .issuedAt(now).expiresAt(now.plusSeconds(300));
        change.accept(jwt);
        return jwt.build();
    }
}
