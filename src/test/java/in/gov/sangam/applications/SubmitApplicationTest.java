package in.gov.sangam.applications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import in.gov.sangam.support.RefusedOutboxRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SubmitApplicationTest extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheApplicationAsSubmittedWithItsPsgaDueDateAndAnswersAtOnce() {
        Answer answer = hub.submit("portal", key(), Applications.domicile("Ghulam Nabi Bhat"));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode receipt = answer.json();
        String id = receipt.path("applicationId").asText();
        assertThat(id).matches("SGM-2026-\\d{7}");
        assertThat(answer.header("Location")).isEqualTo("/api/v1/applications/" + id);
        assertThat(receipt.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(receipt.path("department").asText()).isEqualTo("revenue");
        // The clock says Sunday 29 November 2026, 10:15:30 IST; the domicile certificate's timeline is 15 working
        // days, which skip Sundays, the second Saturday (12 December) and Srinagar's local holiday (Monday 7 December,
        // psga/holidays.yaml).
        assertThat(receipt.path("acknowledgedAt").asText()).isEqualTo("2026-11-29T10:15:30+05:30");
        assertThat(receipt.path("dueBy").asText()).isEqualTo("2026-12-18T10:15:30+05:30");
    }

    @Test
    void readsTheApplicationBackWithItsHistoryAndMaskedIdentifiers() {
        String id = hub.submit("portal", key(), Applications.domicile("Ghulam Nabi Bhat")).json()
                .path("applicationId").asText();

        Answer answer = hub.get("/api/v1/applications/" + id, "portal");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode application = answer.json();
        assertThat(application.path("serviceName").asText()).isEqualTo("Domicile Certificate");
        // The revenue connector may have handed it over already.
        assertThat(application.path("status").asText()).isIn("SUBMITTED", "FORWARDED");
        assertThat(application.path("applicant").path("mobile").asText()).isEqualTo("******3210");
        assertThat(application.path("applicant").path("aadhaar").asText()).isEqualTo("XXXX-XXXX-2346");
        assertThat(answer.response().body()).doesNotContain(Applications.AADHAAR).doesNotContain("9876543210");
        assertThat(application.path("history").get(0).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(application.path("history").get(0).path("remark").asText()).contains("acknowledged");
        assertThat(application.path("appeals")).isEmpty();
        assertThat(hub.get("/api/v1/applications/" + id, "admin").status()).isEqualTo(200);
    }

    @Test
    void storesTheAadhaarNumberEncrypted() {
        String id = hub.submit("portal", key(), Applications.domicile("Ghulam Nabi Bhat")).json()
                .path("applicationId").asText();

        String stored = jdbc.sql("SELECT applicant_aadhaar_enc FROM application WHERE application_id = :id")
                .param("id", id).query(String.class).single();
        assertThat(stored).isNotBlank().doesNotContain(Applications.AADHAAR);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheSameApplicationAndCreatesNothing() {
        String key = key();
        Answer first = hub.submit("portal", key, Applications.domicile("Ghulam Nabi Bhat"));
        int before = count("application");

        clock.advance(Duration.ofMinutes(5));
        // Same content, keys in another order and other whitespace: still the same request.
        Answer retry = hub.submit("portal", key, reordered(Applications.domicile("Ghulam Nabi Bhat")));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        // The same application as it is now: the revenue connector may have handed it over meanwhile.
        for (String field : new String[] {"applicationId", "serviceCode", "department", "acknowledgedAt", "dueBy"}) {
            assertThat(retry.json().path(field)).as(field).isEqualTo(first.json().path(field));
        }
        assertThat(retry.json().path("status").asText()).isIn("SUBMITTED", "FORWARDED");
        assertThat(count("application")).isEqualTo(before);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String key = key();
        String id = hub.submit("portal", key, Applications.domicile("Ghulam Nabi Bhat")).json()
                .path("applicationId").asText();
        int before = count("application");

        Answer answer = hub.submit("portal", key, Applications.domicile("Abdul Rashid"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:idempotency-key-reused");
        assertThat(answer.json().path("detail").asText()).contains(key).contains(id);
        assertThat(count("application")).isEqualTo(before);
    }

    @Test
    void idempotencyKeysBelongToTheClientThatUsedThem() {
        String key = key();
        Answer byPortal = hub.submit("portal", key, Applications.domicile("Ghulam Nabi Bhat"));
        Answer byAdmin = hub.submit("admin", key, Applications.domicile("Ghulam Nabi Bhat"));

        // The administrator's submission is an application of its own, not a replay of the portal's.
        assertThat(byPortal.status()).isEqualTo(201);
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.header("Idempotent-Replayed")).isNull();
        assertThat(byAdmin.json().path("applicationId").asText()).matches("SGM-2026-\\d{7}")
                .isNotEqualTo(byPortal.json().path("applicationId").asText());
    }

    @Test
    void anUnknownServiceIsRefused() {
        int before = count("application");
        Answer answer = hub.submit("portal", key(),
                Applications.domicile("X").replace("revenue-domicile-certificate", "revenue-flying-licence"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:unknown-service");
        assertThat(fields(answer)).containsExactly("serviceCode");
        assertThat(count("application")).isEqualTo(before);
    }

    @Test
    void everyInvalidApplicantFieldIsNamed() {
        String body = """
                {"serviceCode": "revenue-domicile-certificate",
                 "applicant": {"name": "", "mobile": "12345", "district": "Delhi", "language": "fr",
                               "email": "not-an-email", "nickname": "x"},
                 "formData": {"fatherName": "G N Bhat", "residentSinceYear": 1998, "tehsil": "Khanyar"}}""";
        int before = count("application");

        Answer answer = hub.submit("portal", key(), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:invalid-request");
        assertThat(fields(answer)).containsExactlyInAnyOrder("applicant.name", "applicant.mobile",
                "applicant.district", "applicant.language", "applicant.email", "applicant.nickname");
        assertThat(message(answer, "applicant.mobile")).contains("must match the pattern");
        assertThat(message(answer, "applicant.district")).contains("must be one of").contains("Srinagar");
        assertThat(count("application")).isEqualTo(before);
    }

    @Test
    void missingRequiredPartsAreEachNamed() {
        Answer answer = hub.submit("portal", key(), "{\"applicant\": {\"name\": \"Aisha Bhat\"}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("serviceCode", "formData", "applicant.mobile",
                "applicant.district", "applicant.language");
        answer.json().path("errors").forEach(e -> assertThat(e.path("message").asText()).isEqualTo("is required"));
    }

    @Test
    void anAadhaarNumberWithAWrongCheckDigitIsRefused() {
        Answer answer = hub.submit("portal", key(),
                Applications.domicile("G N Bhat").replace(Applications.AADHAAR, "234123412345"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("applicant.aadhaar");
        assertThat(message(answer, "applicant.aadhaar")).contains("Verhoeff");
    }

    @Test
    void theFormIsCheckedAgainstTheServicesFormSchema() {
        String body = """
                {"serviceCode": "revenue-domicile-certificate",
                 "applicant": {"name": "Aisha Bhat", "mobile": "9876543210", "district": "Srinagar", "language": "hi"},
                 "formData": {"residentSinceYear": 1800, "tehsil": "Khanyar", "favouriteColour": "green"}}""";
        int before = count("application");

        Answer answer = hub.submit("portal", key(), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("formData.fatherName", "formData.residentSinceYear",
                "formData.favouriteColour");
        assertThat(message(answer, "formData.fatherName")).isEqualTo("is required");
        assertThat(message(answer, "formData.residentSinceYear")).contains("1900");
        assertThat(message(answer, "formData.favouriteColour")).isEqualTo("is not a known field");
        assertThat(count("application")).isEqualTo(before);
    }

    @Test
    void malformedJsonIsABadRequest() {
        Answer answer = hub.submit("portal", key(), "{\"serviceCode\": \"revenue-dom");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:malformed-json");
    }

    @Test
    void theIdempotencyKeyIsRequired() {
        Answer answer = hub.submit("portal", null, Applications.domicile("G N Bhat"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("Idempotency-Key");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Answer answer = hub.post("/api/v1/applications", "portal", key(), "text/plain", "domicile please");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnknownApplicationIsNotFound() {
        Answer answer = hub.get("/api/v1/applications/SGM-2026-9999999", "portal");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("detail").asText()).contains("SGM-2026-9999999");
    }

    @Test
    void noRequestHeaderIsEchoedBack() {
        List<HttpRequest.Builder> requests = List.of(
                forged(HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(Applications.domicile("A")))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key())),
                forged(HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key())),
                forged(HttpRequest.newBuilder().GET()));
        List<String> paths = List.of("/api/v1/applications", "/api/v1/applications", "/api/v1/departments");

        for (int i = 0; i < requests.size(); i++) {
            Answer answer = hub.raw(requests.get(i), paths.get(i));
            assertThat(answer.status()).isIn(200, 201, 400);
            assertThat(answer.response().headers().map().keySet()).noneMatch(name -> Set.of("authorization",
                    "idempotency-key", "sangam-client-id", "idempotent-replayed", "x-forged").contains(
                            name.toLowerCase(Locale.ROOT)));
            assertThat(answer.response().headers().allValues("Location")).noneMatch(value -> value.contains("evil"));
        }
    }

    @Test
    void concurrentIdenticalSubmissionsCreateOneApplication() throws Exception {
        String key = key();
        int before = count("application");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> hub.submit("portal", key, Applications.domicile("Concurrent"))));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(201);
                ids.add(answer.get().json().path("applicationId").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(count("application")).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theApplicationItsHistoryAndItsDispatchMessageAreStoredTogetherOrNotAtAll() {
        String refused = Applications.domicile("Rolled Back").replace("Aisha Bhat", RefusedOutboxRows.APPLICANT);
        int applications = count("application");
        int history = count("application_history");
        // The database refuses this one application's outbox message, and nothing else on the shared hub.
        RefusedOutboxRows.install(jdbc);
        Answer answer;
        try {
            answer = hub.submit("portal", key(), refused);
        } finally {
            RefusedOutboxRows.remove(jdbc);
        }

        // The whole submission rolled back: no application, no history.
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:internal-error");
        assertThat(count("application")).isEqualTo(applications);
        assertThat(count("application_history")).isEqualTo(history);
        assertThat(hub.submit("portal", key(), refused).status()).isEqualTo(201);
    }

    private HttpRequest.Builder forged(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + hub.token("portal"))
                .header("Location", "https://evil.example/phish")
                .header("Idempotent-Replayed", "true")
                .header("X-Forged", "yes");
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static List<String> fields(Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static String message(Answer answer, String field) {
        for (JsonNode error : answer.json().path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("No error for " + field + " in " + answer.response().body());
    }

    private static String reordered(String body) {
        return body.replace("{\"serviceCode\": \"revenue-domicile-certificate\",", "{")
                .replaceFirst("}}\\s*$", "}, \"serviceCode\":   \"revenue-domicile-certificate\"}");
    }
}
