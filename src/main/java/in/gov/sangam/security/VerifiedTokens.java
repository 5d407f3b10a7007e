package in.gov.sangam.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks each bearer token once, not on every request: a token the decoder accepted is kept, keyed by its exact text,
 * until its {@code exp}, and the same text sent again is answered from here. A portal sends one token for all its
 * requests until it expires, and checking its signature was a tenth of the CPU of reading an application (issue 12's
 * profile of B3).
 *
 * <p>What is skipped is only work whose answer cannot change for the same text: the signature and the claims are in
 * it. Time can change the answer, so a kept token is answered only before its {@code exp} and from its {@code nbf}
 * by this node's wall clock (stricter than the decoder's allowed skew), and after that the decoder decides again,
 * which refuses it. A token without {@code exp} is never kept. What the hub gives up is noticing a signing key
 * withdrawn from the issuer's key set while a token it signed is still unexpired; tokens live minutes, and a bearer
 * token cannot be recalled anyway.
 */
final class VerifiedTokens implements JwtDecoder {

    /** Far more callers than the hub has clients; each entry is a token's claims, a few hundred bytes. */
    private static final int MOST_KEPT = 10_000;

    private final JwtDecoder decoder;
    private final Clock wallClock;
    private final Cache<String, Jwt> accepted;

    VerifiedTokens(JwtDecoder decoder, Clock wallClock) {
        this.decoder = decoder;
        this.wallClock = wallClock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(MOST_KEPT)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifeLeft(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt kept = accepted.getIfPresent(token);
        if (kept != null && inForce(kept)) {
            return kept;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            accepted.put(token, jwt);
        }
        return jwt;
    }

    private boolean inForce(Jwt jwt) {
        Instant now = wallClock.instant();
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }

    private Duration lifeLeft(Jwt jwt) {
        Duration left = Duration.between(wallClock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
