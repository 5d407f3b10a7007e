package in.gov.sangam.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.CompletionEvents;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StatusUpdateApiTest extends HubIntegrationTest {

    private static final String HEALTH_CALLBACK = "/api/v1/departments/health/status-updates";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDepartmentTakesAnApplicationThroughItsLifeInItsOwnCodes() throws Exception {
        String id = forwardedBirthRegistration();
        String reference = "HLT/2026/" + id;

        assertThat(report(null, reference, "SCR", null).json().path("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(report(null, reference, "QRY", null).json().path("status").asText())
                .isEqualTo("RETURNED_TO_CITIZEN");
        assertThat(report(null, reference, "scr", null).json().path("status").asText()).isEqualTo("IN_PROCESS");
        Answer delivered = report(null, reference, "APR", null);

        assertThat(delivered.json().path("previousStatus").asText()).isEqualTo("IN_PROCESS");
        assertThat(delivered.json().path("changed").asBoolean()).isTrue();
        JsonNode application = hub.get("/api/v1/applications/" + id, "portal").json();
        assertThat(application.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(application.path("departmentReference").asText()).isEqualTo(reference);
        List<String> history = new ArrayList<>();
        application.path("history").forEach(step -> history.add(step.path("status").asText()));
        assertThat(history).containsExactly("SUBMITTED", "FORWARDED", "IN_PROCESS", "RETURNED_TO_CITIZEN",
                "IN_PROCESS", "DELIVERED");

        // Completion is announced once, and each subscriber of the completion events takes it.
        CompletionEvents events = new CompletionEvents(jdbc);
        assertThat(events.eventIds(id)).hasSize(1);
        String eventId = events.eventIds(id).get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.consumedBy("feedback", eventId) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.consumedBy("appeal", eventId) == 1);
    }

    @Test
    void repeatingTheCurrentStatusIsHarmless() {
        String id = forwardedBirthRegistration();

        Answer again = report(id, null, "REG", null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("changed").asBoolean()).isFalse();
        assertThat(hub.get("/api/v1/applications/" + id, "portal").json().path("history")).hasSize(2);
    }

    @Test
    void theDepartmentsReferenceIsKeptWhenItComesWithTheStatusTheApplicationAlreadyHas() {
        // A call-back without the department's reference arrived before the dispatch answer: the application is
        // FORWARDED with no reference yet.
        String id = forwardedBirthRegistration();
        jdbc.sql("UPDATE application SET department_reference = NULL WHERE application_id = :id").param("id", id)
                .update();

        Answer answer = report(id, null, "REG", "HLT/LATE/" + id);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("changed").asBoolean()).isFalse();
        assertThat(new ApplicationRows(jdbc).reference(id)).isEqualTo("HLT/LATE/" + id);
        assertThat(hub.get("/api/v1/applications/" + id, "portal").json().path("history")).hasSize(2);
    }

    @Test
    void aReferenceTheDepartmentGaveAnotherApplicationIsRefusedAndChangesNothing() {
        String first = forwardedBirthRegistration();
        String second = forwardedBirthRegistration();
        String taken = new ApplicationRows(jdbc).reference(first);
        jdbc.sql("UPDATE application SET department_reference = NULL WHERE application_id = :id").param("id", second)
                .update();

        Answer sameStatus = report(second, null, "REG", taken);
        Answer newStatus = report(second, null, "SCR", taken);

        for (Answer answer : List.of(sameStatus, newStatus)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("departmentReference");
        }
        assertThat(new ApplicationRows(jdbc).reference(second)).isNull();
        assertThat(new ApplicationRows(jdbc).status(second)).isEqualTo("FORWARDED");
        assertThat(new ApplicationRows(jdbc).reference(first)).isEqualTo(taken);
    }

    @Test
    void thePsgaClockStandsWhileTheApplicationIsWithTheCitizen() {
        // A birth registration: 7 calendar days from Sunday 29 November 2026, 10:15:30 IST.
        String id = forwardedBirthRegistration();
        JsonNode before = hub.get("/api/v1/applications/" + id, "portal").json();
        assertThat(before.path("dueBy").asText()).isEqualTo("2026-12-06T10:15:30+05:30");
        assertThat(before.path("clockRunning").asBoolean()).isTrue();
        assertThat(before.path("clockStoppedDays").asDouble()).isZero();

        clock.advance(Duration.ofDays(1));
        report(id, null, "QRY", null);
        clock.advance(Duration.ofDays(3).plusHours(12));

        JsonNode withTheCitizen = hub.get("/api/v1/applications/" + id, "portal").json();
        assertThat(withTheCitizen.path("clockRunning").asBoolean()).isFalse();
        assertThat(withTheCitizen.path("clockStoppedDays").asDouble()).isEqualTo(3.5);
        assertThat(withTheCitizen.path("dueBy").asText()).isEqualTo("2026-12-09T22:15:30+05:30");

        report(id, null, "SCR", null);
        clock.advance(Duration.ofDays(2));

        JsonNode takenUpAgain = hub.get("/api/v1/applications/" + id, "portal").json();
        assertThat(takenUpAgain.path("clockRunning").asBoolean()).isTrue();
        assertThat(takenUpAgain.path("clockStoppedDays").asDouble()).isEqualTo(3.5);
        assertThat(takenUpAgain.path("dueBy").asText()).isEqualTo("2026-12-09T22:15:30+05:30");
        assertThat(jdbc.sql("SELECT due_by FROM application WHERE application_id = :id").param("id", id)
                .query(java.time.OffsetDateTime.class).single().toInstant())
                .as("the stored deadline, which the appeal sweep reads")
                .isEqualTo(java.time.Instant.parse("2026-12-09T16:45:30Z"));
    }

    @Test
    void anIllegalTransitionIsAConflictAndChangesNothing() {
        String id = forwardedBirthRegistration();

        Answer answer = report(id, null, "SUBMITTED", null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:illegal-transition");
        assertThat(answer.json().path("detail").asText()).contains("FORWARDED").contains("SUBMITTED");
        report(id, null, "APR", null);
        Answer afterTheEnd = report(id, null, "SCR", null);
        assertThat(afterTheEnd.status()).isEqualTo(409);
        assertThat(afterTheEnd.json().path("detail").asText()).contains("it is final");
        assertThat(hub.get("/api/v1/applications/" + id, "portal").json().path("status").asText())
                .isEqualTo("DELIVERED");
    }

    @Test
    void aRejectionCarriesTheDepartmentsReason() {
        String id = forwardedBirthRegistration();

        hub.post(HEALTH_CALLBACK, "dept-health", null, "application/json", """
                {"applicationId": "%s", "status": "REJ", "reason": "Hospital record of birth not found.",
                 "at": "2026-11-30T12:00:00+05:30"}""".formatted(id));

        JsonNode last = lastStep(id);
        assertThat(last.path("status").asText()).isEqualTo("REJECTED");
        assertThat(last.path("reason").asText()).isEqualTo("Hospital record of birth not found.");
        assertThat(last.path("at").asText()).isEqualTo("2026-11-30T12:00:00+05:30");
    }

    @Test
    void aDepartmentMayUpdateOnlyItsOwnApplications() {
        String health = forwardedBirthRegistration();

        Answer wrongToken = hub.post(HEALTH_CALLBACK, "dept-revenue", null, "application/json",
                "{\"applicationId\": \"" + health + "\", \"status\": \"REG\"}");
        Answer wrongDepartment = hub.post("/api/v1/departments/revenue/status-updates", "dept-revenue", null,
                "application/json", "{\"applicationId\": \"" + health + "\", \"status\": \"RECEIVED\"}");
        Answer portal = hub.post(HEALTH_CALLBACK, "portal", null, "application/json",
                "{\"applicationId\": \"" + health + "\", \"status\": \"REG\"}");

        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(wrongToken.json().path("detail").asText()).contains("department:health");
        // Another department's application is answered as one that does not exist: ids reveal nothing.
        Answer unknown = hub.post("/api/v1/departments/revenue/status-updates", "dept-revenue", null,
                "application/json", "{\"applicationId\": \"SGM-2026-9999997\", \"status\": \"RECEIVED\"}");
        assertThat(wrongDepartment.status()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(wrongDepartment.response().body().replace(health, "ID"))
                .isEqualTo(unknown.response().body().replace("SGM-2026-9999997", "ID"));
        assertThat(portal.status()).isEqualTo(403);
        assertThat(lastStep(health).path("status").asText()).isEqualTo("FORWARDED");
        assertThat(hub.post(HEALTH_CALLBACK, "admin", null, "application/json",
                "{\"applicationId\": \"" + health + "\", \"status\": \"SCR\"}").status()).isEqualTo(200);
    }

    @Test
    void badUpdatesAreNamed() {
        String id = forwardedBirthRegistration();

        Answer unknownCode = report(id, null, "TELEPORTED", null);
        Answer noId = hub.post(HEALTH_CALLBACK, "dept-health", null, "application/json", "{\"status\": \"REG\"}");
        Answer unknownApplication = report("SGM-2026-9999999", null, "REG", null);
        Answer unknownReference = report(null, "HLT/NOPE", "REG", null);
        Answer noStatus = hub.post(HEALTH_CALLBACK, "dept-health", null, "application/json",
                "{\"applicationId\": \"" + id + "\"}");

        assertThat(unknownCode.status()).isEqualTo(400);
        assertThat(unknownCode.json().path("errors").get(0).path("message").asText()).contains("APR").contains("REG");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().path("errors")).hasSize(2);
        assertThat(unknownApplication.status()).isEqualTo(404);
        assertThat(unknownReference.status()).isEqualTo(404);
        assertThat(noStatus.status()).isEqualTo(400);
        assertThat(noStatus.json().path("errors").get(0).path("field").asText()).isEqualTo("status");
    }

    /** A birth registration that the health connector has handed to HMIS's simulator, which took it. */
    private String forwardedBirthRegistration() {
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration")).json().path("applicationId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> lastStep(id).path("status").asText().equals("FORWARDED"));
        return id;
    }

    private Answer report(String applicationId, String reference, String status, String newReference) {
        StringBuilder body = new StringBuilder("{\"status\": \"" + status + "\"");
        if (applicationId != null) {
            body.append(", \"applicationId\": \"").append(applicationId).append('"');
        }
        String named = reference != null ? reference : newReference;
        if (named != null) {
            body.append(", \"departmentReference\": \"").append(named).append('"');
        }
        return hub.post(HEALTH_CALLBACK, "dept-health", null, "application/json", body.append('}').toString());
    }

    private JsonNode lastStep(String id) {
        JsonNode history = hub.get("/api/v1/applications/" + id, "portal").json().path("history");
        return history.get(history.size() - 1);
    }
}
