package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Each client has its own allowance, set per scope; over it the answer is 429 with Retry-After, and every answer
 * says how much is left. The limits here are tiny and last a minute, so the test is not racing the refill.
 */
@Timeout(120)
@TestPropertySource(properties = {
    "sangam.security.rate-limits.scopes.portal.requests=3",
    "sangam.security.rate-limits.scopes.portal.per=1m",
    "sangam.security.rate-limits.scopes.admin.requests=100",
    "sangam.security.rate-limits.scopes.admin.per=1m",
    "sangam.security.rate-limits.anonymous.requests=2",
    "sangam.security.rate-limits.anonymous.per=1m",
    "sangam.security.rate-limits.token-endpoint.requests=4",
    "sangam.security.rate-limits.token-endpoint.per=1m"})
class RateLimitTest extends HubIntegrationTest {

    @DynamicPropertySource
    static void hubOfItsOwn(DynamicPropertyRegistry registry) {
        ownHub(registry);
    }

    @Test
    void aClientOverItsScopesLimitIsToldWhenToComeBackAndOthersAreNotHeldUp() {
        String admin = hub.token("admin");
        String portal = hub.token("portal");
        String mobileApp = hub.token("mobile-app");

        Answer first = hub.call("GET", "/api/v1/applications/SGM-2026-9999999", portal, null);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("2");
        hub.call("GET", "/api/v1/applications/SGM-2026-9999999", portal, null);
        hub.call("GET", "/api/v1/applications/SGM-2026-9999999", portal, null);
        Answer over = hub.call("GET", "/api/v1/applications/SGM-2026-9999999", portal, null);

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.header("Content-Type")).startsWith("application/problem+json");
        assertThat(over.json().path("type").asText()).isEqualTo("urn:sangam:problem:too-many-requests");
        assertThat(Long.parseLong(over.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(over.header("RateLimit-Remaining")).isEqualTo("0");
        // Another portal client and the administrator each have their own allowance.
        assertThat(hub.call("GET", "/api/v1/applications/SGM-2026-9999999", mobileApp, null).status()).isEqualTo(404);
        assertThat(hub.call("GET", "/api/v1/admin/dead-letters", admin, null).header("RateLimit-Limit"))
                .isEqualTo("100");
    }

    @Test
    void callersWithoutATokenAreLimitedByAddress() {
        Answer last = null;
        for (int i = 0; i < 3; i++) {
            last = hub.call("GET", "/api/v1/departments", null, null);
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotBlank();
    }

    @Test
    void tokensThatFailCountAgainstTheirAddressSoTheyCannotBeTriedAtSpeed() {
        Answer last = null;
        for (int i = 0; i < 3; i++) {
            last = hub.call("GET", "/api/v1/applications/SGM-2026-9999999", "not-a-token-" + i, null);
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotBlank();
    }

    @Test
    void theTokenEndpointIsLimitedSoSecretsCannotBeGuessedAtSpeed() {
        int refused = 0;
        Answer last = null;
        for (int guess = 0; guess < 6; guess++) {
            last = hub.raw(HttpRequest.newBuilder()
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=admin&client_secret=guess-" + guess)),
                    "/oauth2/token");
            refused += last.status() == 429 ? 1 : 0;
        }

        assertThat(refused).isGreaterThanOrEqualTo(1);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(last.header("Retry-After")).isNotBlank();
    }
}
