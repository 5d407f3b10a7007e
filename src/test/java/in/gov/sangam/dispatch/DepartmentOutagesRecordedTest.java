package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.appeal.DepartmentOutageHistory;
import in.gov.sangam.appeal.DepartmentOutageHistory.Outage;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Health's system answers 503 until its circuit opens, then answers again: the whole hub records the outage, on its
 * clock, as the appeal reads it through its port. On a hub of its own, whose health circuit reopens for calls after
 * a second and whose failed calls go back to the broker at once, so the outage comes and goes within seconds.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DepartmentOutagesRecordedTest extends HubIntegrationTest {

    private static final String REGISTRATIONS = "/hmis/api/v2/registrations";

    @DynamicPropertySource
    static void quickCircuit(DynamicPropertyRegistry registry) {
        ownHub(registry);
        registry.add("sangam.connectors.health.circuitBreaker.openFor", () -> "1s");
        registry.add("sangam.connectors.health.retry.attempts", () -> "1");
    }

    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    DepartmentOutageHistory outages;
    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsDownFromItsCircuitOpeningUntilItAnswersAgain() {
        Instant wentDown = START.plus(Duration.ofDays(2));
        Instant from = wentDown.minus(Duration.ofDays(1));
        Instant to = wentDown.plus(Duration.ofDays(1));
        clock.set(wentDown);
        WireMockServer hmis = simulators.server("health");
        StubMapping failing = hmis.stubFor(post(urlPathEqualTo(REGISTRATIONS)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        // One application is enough: each delivery fails, and the broker delivers it again until the circuit opens.
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration")).json().path("applicationId").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outages.between("health", from, to))
                .containsExactly(new Outage(wentDown, to, "health answered 503")));
        assertThat(outages.between("revenue", from, to)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM department_outage WHERE department = 'health' AND ended_at IS NULL")
                .query(Integer.class).single()).as("going on: a row without an end").isEqualTo(1);

        Instant answered = wentDown.plus(Duration.ofHours(3));
        clock.set(answered);
        hmis.removeStub(failing);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outages.between("health", from, to))
                .containsExactly(new Outage(wentDown, answered, "health answered 503")));
        // The answer ends the outage as it comes; the application is recorded FORWARDED in the transaction after.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new ApplicationRows(jdbc).status(id)).isEqualTo("FORWARDED"));
    }
}
