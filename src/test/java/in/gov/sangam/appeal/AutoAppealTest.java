package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HealthDepartment;
import in.gov.sangam.support.HubIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auto-appeal driven through the hub's API with the clock moved, never slept: a deadline missed is appealed by
 * itself, an appeal undecided goes to the second authority, a decision is recorded once, a late delivery is marked,
 * a rejection without reasons is appealed, a stopped clock or a service without auto-appeal is not. The hub is one of
 * its own (its clock goes far ahead), and each test starts a year after the one before, so that the sweep, which
 * walks deadlines in order, meets each test's deadlines after the last one's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoAppealTest extends HubIntegrationTest {


    @DynamicPropertySource
    static void ownHubOfItsOwn(DynamicPropertyRegistry registry) {
        ownHub(registry);
        // Health's circuit opens and reopens within seconds, for the outage a delay appeal shows.
        registry.add("sangam.connectors.health.circuitBreaker.openFor", () -> "1s");
        registry.add("sangam.connectors.health.retry.attempts", () -> "1");
    }

    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    DepartmentOutageHistory outages;

    @Test
    @Order(1)
    void aMissedDeadlineIsAppealedThenEscalatedThenDecidedOnceAndALateDeliveryIsMarked() {
        startYear(1);
        String id = HealthDepartment.submit(hub, "health-birth-registration");
        HealthDepartment.report(hub, id, "{\"status\": \"REG\"}");
        Instant dueBy = dueBy(id);

        clock.set(dueBy.plus(Duration.ofHours(1)));
        JsonNode first = await().atMost(Duration.ofSeconds(30)).until(() -> appeal(id, 1), found -> found != null);
        assertThat(first.path("appealId").asText()).isEqualTo("APL-" + id.substring(4) + "-1");
        assertThat(first.path("grounds").asText()).isEqualTo("DELAY");
        assertThat(first.path("authority").asText()).isEqualTo("Block Medical Officer");
        assertThat(first.path("status").asText()).isEqualTo("PENDING");
        Instant filedAt = OffsetDateTime.parse(first.path("filedAt").asText()).toInstant();
        assertThat(OffsetDateTime.parse(first.path("decideBy").asText()).toInstant())
                .isEqualTo(filedAt.plus(Duration.ofDays(45)));

        // The first authority does not decide in time: the appeal goes to the second.
        clock.set(filedAt.plus(Duration.ofDays(45)).plus(Duration.ofHours(1)));
        JsonNode second = await().atMost(Duration.ofSeconds(30)).until(() -> appeal(id, 2), found -> found != null);
        assertThat(second.path("authority").asText()).isEqualTo("Chief Medical Officer");
        assertThat(appeal(id, 1).path("status").asText()).isEqualTo("ESCALATED");
        // 46 started days late: Rs 250 a day, at most Rs 5,000.
        assertThat(second.path("proposedPenalty").asDouble()).isEqualTo(5000.0);

        // The escalated appeal cannot be decided; the second is decided once.
        assertThat(decide(first.path("appealId").asText(), "appellate").status()).isEqualTo(409);
        Answer decided = decide(second.path("appealId").asText(), "appellate");
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().path("status").asText()).isEqualTo("ALLOWED");
        assertThat(decided.json().path("decision").path("penaltyAmount").asDouble()).isEqualTo(2500.0);
        assertThat(decided.json().path("decision").path("decidedBy").asText()).isEqualTo("appellate");
        Answer again = decide(second.path("appealId").asText(), "admin");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:sangam:problem:appeal-decided");
        assertThat(appeal(id, 2).path("decision").path("decidedBy").asText()).isEqualTo("appellate");

        // Delivered at last: its appeals stay, marked delivered late.
        HealthDepartment.report(hub, id, "{\"status\": \"APR\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> appeal(id, 1).path("deliveredLate").asBoolean()
                && appeal(id, 2).path("deliveredLate").asBoolean());
        assertThat(appeals(id)).hasSize(2);
    }

    @Test
    @Order(2)
    void aRejectionWithoutReasonsIsAppealedAndOneWithReasonsIsNot() {
        startYear(2);
        String unexplained = HealthDepartment.submit(hub, "health-birth-registration");
        HealthDepartment.report(hub, unexplained, "{\"status\": \"REJ\"}");
        String explained = HealthDepartment.submit(hub, "health-birth-registration");
        HealthDepartment.report(hub, explained, "{\"status\": \"REJ\", \"reason\": \"The birth is registered already.\"}");

        JsonNode appeal = await().atMost(Duration.ofSeconds(30)).until(() -> appeal(unexplained, 1),
                found -> found != null);
        assertThat(appeal.path("grounds").asText()).isEqualTo("REJECTED_WITHOUT_REASON");
        assertThat(appeal.path("appealId").asText()).endsWith("-1R");
        assertThat(appeal.path("deliveredLate").asBoolean()).isFalse();
        assertThat(appeals(explained)).isEmpty();
    }

    @Test
    @Order(3)
    void noAppealWhileTheClockStandsWithTheCitizenNorForAServiceWithoutAutoAppeal() {
        startYear(3);
        String withCitizen = HealthDepartment.submit(hub, "health-birth-registration");
        HealthDepartment.report(hub, withCitizen, "{\"status\": \"REG\"}");
        HealthDepartment.report(hub, withCitizen, "{\"status\": \"RETURNED_TO_CITIZEN\", \"remark\": \"Upload the hospital slip.\"}");
        String notAutoAppealed = HealthDepartment.submit(hub, "health-duplicate-birth-certificate");
        Instant lastDue = dueBy(notAutoAppealed).isAfter(dueBy(withCitizen)) ? dueBy(notAutoAppealed)
                : dueBy(withCitizen);

        clock.set(lastDue.plus(Duration.ofHours(1)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> appeals(withCitizen).isEmpty() && appeals(notAutoAppealed).isEmpty());

        // Back with the department: the clock runs again from a later deadline, and passes it.
        HealthDepartment.report(hub, withCitizen, "{\"status\": \"IN_PROCESS\"}");
        Instant moved = dueBy(withCitizen);
        assertThat(moved).isAfter(lastDue);
        clock.set(moved.plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> appeal(withCitizen, 1) != null);
        assertThat(appeals(notAutoAppealed)).isEmpty();
    }

    @Test
    @Order(4)
    void appellateAuthoritiesListTheAppealsOthersMayNot() {
        startYear(4);
        String id = HealthDepartment.submit(hub, "health-birth-registration");
        clock.set(dueBy(id).plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> appeal(id, 1) != null);

        Answer pending = hub.get("/api/v1/appeals?status=PENDING&level=1&department=health&size=100", "appellate");
        assertThat(pending.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        pending.json().path("items").forEach(item -> ids.add(item.path("applicationId").asText()));
        assertThat(ids).contains(id);
        assertThat(hub.get("/api/v1/appeals?level=2&authority=Nobody", "appellate").json().path("total").asInt())
                .isZero();
        assertThat(hub.get("/api/v1/appeals", "portal").status()).isEqualTo(403);
        assertThat(hub.get("/api/v1/appeals", "dept-health").status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void thePublicFiguresCountOnTimeLateOverdueAppealsAndPenalties() {
        startYear(5);
        String service = "health-medical-fitness-certificate";
        String onTime = HealthDepartment.submit(hub, service);
        HealthDepartment.report(hub, onTime, "{\"status\": \"REG\"}");
        HealthDepartment.report(hub, onTime, "{\"status\": \"APR\"}");
        String late = HealthDepartment.submit(hub, service);
        HealthDepartment.report(hub, late, "{\"status\": \"REG\"}");
        String stillOpen = HealthDepartment.submit(hub, service);
        HealthDepartment.report(hub, stillOpen, "{\"status\": \"REG\"}");

        clock.set(dueBy(stillOpen).plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> appeal(late, 1) != null && appeal(stillOpen, 1) != null);
        HealthDepartment.report(hub, late, "{\"status\": \"APR\"}");
        assertThat(decide(appeal(late, 1).path("appealId").asText(), "appellate").status()).isEqualTo(200);

        JsonNode figures = await().atMost(Duration.ofSeconds(30)).until(() -> figuresOf(service),
                row -> row != null && row.path("completedLate").asLong() == 1);
        assertThat(figures.path("department").asText()).isEqualTo("health");
        assertThat(figures.path("completedOnTime").asLong()).isEqualTo(1);
        assertThat(figures.path("openPastDeadline").asLong()).isEqualTo(1);
        assertThat(figures.path("appealsFiled").asLong()).isEqualTo(2);
        assertThat(figures.path("appealsDecided").asLong()).isEqualTo(1);
        assertThat(figures.path("penaltiesOrdered").asDouble()).isEqualTo(2500.0);
        assertThat(hub.call("GET", "/api/v1/appeals/summary?department=revenue", null, null).json()
                .path("services").findValuesAsText("serviceCode")).doesNotContain(service);
    }

    @Test
    @Order(6)
    void aDelayAppealShowsHowLongTheDepartmentWasDownDuringTheTimeline() {
        startYear(6);
        Instant wentDown = clock.instant();
        WireMockServer hmis = simulators.server("health");
        StubMapping failing = hmis.stubFor(post(urlPathEqualTo("/hmis/api/v2/registrations")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        String id = HealthDepartment.submit(hub, "health-birth-registration");
        await().atMost(Duration.ofSeconds(60)).until(() -> !outages.between("health", wentDown,
                wentDown.plus(Duration.ofDays(1))).isEmpty());
        clock.set(wentDown.plus(Duration.ofHours(3)));
        hmis.removeStub(failing);
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.get("/api/v1/applications/" + id, "admin").json()
                .path("status").asText().equals("FORWARDED"));

        clock.set(dueBy(id).plus(Duration.ofHours(1)));
        JsonNode appeal = await().atMost(Duration.ofSeconds(30)).until(() -> appeal(id, 1), found -> found != null);
        JsonNode outage = appeal.path("departmentOutage");
        assertThat(outage.path("hours").asDouble()).isEqualTo(3.0);
        assertThat(outage.path("days").get(0).asText())
                .isEqualTo(OffsetDateTime.ofInstant(wentDown, IST).toLocalDate().toString());
        assertThat(outage.path("periods").get(0).path("reason").asText()).isEqualTo("health answered 503");
    }

    // ---- helpers ----

    /** The public figures of a service, read without a token, or null. */
    private JsonNode figuresOf(String serviceCode) {
        Answer summary = hub.call("GET", "/api/v1/appeals/summary?department=health", null, null);
        assertThat(summary.status()).isEqualTo(200);
        for (JsonNode row : summary.json().path("services")) {
            if (row.path("serviceCode").asText().equals(serviceCode)) {
                return row;
            }
        }
        return null;
    }

    /** Each test in a year of its own, after the one before: see the class comment. */
    private void startYear(int year) {
        clock.set(START.plus(Duration.ofDays(400L * year)));
    }



    private Instant dueBy(String id) {
        return OffsetDateTime.parse(hub.get("/api/v1/applications/" + id, "admin").json().path("dueBy").asText())
                .toInstant();
    }

    private List<JsonNode> appeals(String id) {
        List<JsonNode> appeals = new ArrayList<>();
        hub.get("/api/v1/applications/" + id, "admin").json().path("appeals").forEach(appeals::add);
        return appeals;
    }

    /** The application's appeal at this level, or null. */
    private JsonNode appeal(String id, int level) {
        return appeals(id).stream().filter(appeal -> appeal.path("level").asInt() == level).findFirst().orElse(null);
    }

    private Answer decide(String appealId, String client) {
        return hub.post("/api/v1/appeals/" + appealId + "/decision", client, null, "application/json",
                "{\"outcome\": \"ALLOWED\", \"directions\": \"Issue the certificate within 3 days.\", "
                        + "\"penaltyAmount\": 2500, \"compensationAmount\": 500}");
    }
}
