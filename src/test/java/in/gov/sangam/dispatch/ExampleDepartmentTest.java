package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.Folders;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's fourth department ({@code examples/transport}), kept outside the jar beside the shipped folders and
 * added to the running hub by a reload, as the README's walk-through does, then run as the demo runs it: its own simulator (a REST/JSON permit system behind a bearer token from its OAuth2 server,
 * taking applications with PUT and asked for their status with a GET per batch), its demo client, its secrets, all
 * from the folder, with no Java and no edit elsewhere. Everything is seen through the hub's API.
 */
// The location is a property of the test, not a dynamic one: the demo reads the folders (to simulate them) before
// dynamic properties exist. The hub starts with the shipped folders and an empty one of the integrator's; the
// department is put there and reloaded before the first test. It is polled every second rather than every 30: the
// test waits on what the polls bring.
@TestPropertySource(properties = {
        "sangam.catalogue.location=classpath*:connectors,file:${sangam.test.example-folders}/",
        "sangam.connectors.transport.statusPolling.every=1s"})
class ExampleDepartmentTest extends HubIntegrationTest {

    private static final Path FOLDERS = newDataDir().resolve("connectors");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static {
        try {
            Files.createDirectories(FOLDERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("sangam.test.example-folders", FOLDERS.toString());
    }

    @DynamicPropertySource
    static void hubOfItsOwn(DynamicPropertyRegistry registry) {
        ownHub(registry);
    }

    /** The integrator's folder put beside the shipped ones while the hub runs, and taken up by a reload, once. */
    @BeforeEach
    void theDepartmentIsAddedToTheRunningHub() {
        if (departmentCodes().contains("transport")) {
            return;
        }
        assertThat(departmentCodes()).containsExactly("education", "health", "revenue");
        Folders.copy(Path.of("examples/transport"), FOLDERS.resolve("transport"));
        Answer reload = hub.post("/api/v1/admin/catalogue/reload", "admin", null, "application/json", "");
        assertThat(reload.status()).as(reload.json().toString()).isEqualTo(200);
        assertThat(reload.json().path("departments")).anySatisfy(department -> {
            assertThat(department.path("code").asText()).isEqualTo("transport");
            assertThat(department.path("change").asText()).isEqualTo("ADDED");
        });
        assertThat(departmentCodes()).containsExactly("education", "health", "revenue", "transport");
    }

    private List<String> departmentCodes() {
        List<String> codes = new ArrayList<>();
        hub.get("/api/v1/departments", null).json().path("items").forEach(d -> codes.add(d.path("code").asText()));
        return codes;
    }

    @Test
    void anApplicationIsForwardedWithItsPermitNumberAndDeliveredByPollingWithNoJavaOfItsOwn() {
        JsonNode transport = null;
        for (JsonNode department : hub.get("/api/v1/departments", null).json().path("items")) {
            if (department.path("code").asText().equals("transport")) {
                transport = department;
            }
        }
        assertThat(transport).as("the transport department").isNotNull();
        assertThat(transport.path("connector").path("simulator").asText()).startsWith("http://localhost:");

        String id = submit(Applications.forService(hub, "transport-learner-licence"));

        // The permit system answers the hub's GET about its open permits: ISSUED, the department's code for DELIVERED.
        await().atMost(Duration.ofSeconds(60)).until(() -> application(id).path("status").asText().equals("DELIVERED"));
        JsonNode application = application(id);
        assertThat(application.path("departmentReference").asText()).startsWith("TR/").endsWith("/" + id);
        assertThat(statuses(application)).containsExactly("SUBMITTED", "FORWARDED", "DELIVERED");
        // The permit system's note came with the poll's answer: nothing else says it.
        assertThat(application.path("history").get(2).path("remark").asText())
                .isEqualTo("Issued after the learner's test.");

        // The department's demo client, from the folder, may call back too, in the department's own codes.
        Answer update = hub.post("/api/v1/departments/transport/status-updates", "dept-transport", null,
                "application/json", "{\"departmentReference\": \"" + application.path("departmentReference").asText()
                        + "\", \"status\": \"ISSUED\"}");
        assertThat(update.status()).as(update.json().toString()).isEqualTo(200);
        assertThat(update.json().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(update.json().path("changed").asBoolean()).isFalse();
    }

    @Test
    void anApplicationThePermitSystemRefusesIsADeadLetterSayingWhyAndIsNotForwarded() throws IOException {
        // Made as the conformance check makes it, from the folder's simulator/conformance.yaml.
        JsonNode refusal = YAML.readTree(FOLDERS.resolve("transport/simulator/conformance.yaml").toFile())
                .path("refusal");
        ObjectNode body = (ObjectNode) JSON.readTree(Applications.forService(hub, refusal.path("service").asText()));
        ((ObjectNode) body.path("formData")).setAll((ObjectNode) refusal.path("form"));
        String id = submit(body.toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(id) != null);

        assertThat(deadLetter(id).path("department").asText()).isEqualTo("transport");
        assertThat(deadLetter(id).path("reason").asText()).contains("refused")
                .contains("The applicant is too young for a learner's licence.").contains("HTTP 422");
        JsonNode application = application(id);
        assertThat(application.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(statuses(application)).containsExactly("SUBMITTED");
        assertThat(application.path("departmentReference").isTextual()).as("a department reference").isFalse();
    }

    private String submit(String body) {
        Answer submitted = hub.submit("portal", UUID.randomUUID().toString(), body);
        assertThat(submitted.status()).as(submitted.json().toString()).isEqualTo(201);
        return submitted.json().path("applicationId").asText();
    }

    private JsonNode application(String id) {
        Answer answer = hub.get("/api/v1/applications/" + id, "admin");
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> statuses(JsonNode application) {
        List<String> statuses = new ArrayList<>();
        application.path("history").forEach(change -> statuses.add(change.path("status").asText()));
        return statuses;
    }

    /** The application's dead letter, through the operators' API; null while it has none. */
    private JsonNode deadLetter(String id) {
        for (JsonNode letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (letter.path("applicationId").asText().equals(id)) {
                return letter;
            }
        }
        return null;
    }
}
