package in.gov.sangam.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests each caller may make, per scope (see {@code sangam.security.rate-limits} in application.yaml).
 *
 * @param scopes a client's limit by the scope it holds, {@code department} standing for every
 *     {@code department:<code>}; a client holding several scopes gets the most generous of them
 * @param anonymous per remote address, for calls without a token (the public catalogue)
 * @param tokenEndpoint per remote address, for the embedded authorization server's token endpoint
 */
@ConfigurationProperties("sangam.security.rate-limits")
public record RateLimitProperties(boolean enabled, Map<String, Limit> scopes, Limit anonymous, Limit tokenEndpoint) {

    /** At most {@code requests} in any {@code per}, refilled smoothly. */
    public record Limit(long requests, Duration per) {

        /** Requests per second, to compare limits given over different periods. */
        double rate() {
            return (double) requests / per.toNanos();
        }
    }
}
