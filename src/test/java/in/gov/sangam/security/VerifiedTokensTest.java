package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@Timeout(10)
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
    private final List<String> checked = new ArrayList<>();

    /** A decoder that says what it was asked, and accepts "good-<seconds left>" tokens only. */
    private final JwtDecoder decoder = token -> {
        checked.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("portal");
        String[] parts = token.split("-");
        if (parts.length > 1) {
            jwt.issuedAt(NOW).expiresAt(NOW.plusSeconds(Long.parseLong(parts[1])));
        }
        if (parts.length > 2) {
            jwt.notBefore(NOW.plusSeconds(Long.parseLong(parts[2])));
        }
        return jwt.build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(decoder, clock);

    @Test
    void aTokenIsCheckedOnceWhileItIsInForce() {
        Jwt first = tokens.decode("good-3600");
        Jwt again = tokens.decode("good-3600");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("good-3600");
    }

    @Test
    void anExpiredTokenIsCheckedAgainByTheDecoder() {
        tokens.decode("good-60");
        clock.advance(Duration.ofSeconds(60));

        tokens.decode("good-60");

        assertThat(checked).containsExactly("good-60", "good-60");
    }

    @Test
    void aTokenNotYetValidIsCheckedAgainByTheDecoder() {
        tokens.decode("good-3600-30");
        tokens.decode("good-3600-30");

        assertThat(checked).hasSize(2);
    }

    @Test
    void aTokenWithoutExpiryIsNeverKept() {
        tokens.decode("good");
        tokens.decode("good");

        assertThat(checked).containsExactly("good", "good");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void tokensAreKeptByTheirWholeText() {
        tokens.decode("good-3600");
        tokens.decode("good-3601");

        assertThat(checked).containsExactly("good-3600", "good-3601");
    }
}
