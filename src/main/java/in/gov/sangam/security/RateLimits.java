package in.gov.sangam.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One token bucket per caller (Bucket4j), kept in a bounded cache that forgets callers idle for longer than any
 * period, so that addresses seen once do not pile up.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimits {

    private static final String DEPARTMENT = "department";

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RateLimits(RateLimitProperties properties) {
        this.properties = properties;
    }

    boolean enabled() {
        return properties.enabled();
    }

    /** The most generous limit among the scopes a client holds, or the anonymous one when none is configured. */
    RateLimitProperties.Limit forScopes(Collection<String> scopes) {
        return scopes.stream()
                .map(scope -> scope.startsWith(DEPARTMENT + ":") ? DEPARTMENT : scope)
                .map(scope -> properties.scopes().get(scope))
                .filter(limit -> limit != null)
                .max(Comparator.comparingDouble(RateLimitProperties.Limit::rate))
                .orElse(properties.anonymous());
    }

    RateLimitProperties.Limit anonymous() {
        return properties.anonymous();
    }

    RateLimitProperties.Limit tokenEndpoint() {
        return properties.tokenEndpoint();
    }

    /** Takes one request from the caller's bucket; the probe says whether it was there and when more will be. */
    ConsumptionProbe take(String caller, RateLimitProperties.Limit limit) {
        String key = caller + "|" + limit.requests() + "/" + limit.per();
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per())
                        .build())
                .build()).tryConsumeAndReturnRemaining(1);
    }

    static Optional<Long> seconds(long nanos) {
        return nanos <= 0 ? Optional.empty() : Optional.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
