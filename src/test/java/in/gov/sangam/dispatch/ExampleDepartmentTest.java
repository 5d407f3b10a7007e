package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.Folders;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's fourth department ({@code examples/transport}), kept outside the jar beside the shipped folders, run
 * as the demo runs it: its own simulator (a REST/JSON permit system behind a bearer token from its OAuth2 server),
 * its demo client, its secrets, all from the folder, with no Java and no edit elsewhere.
 */
// The location is a property of the test, not a dynamic one: the demo reads the folders (to simulate them) before
// dynamic properties exist. The folders are copied when the class is loaded, before its hub starts.
@TestPropertySource(properties = "sangam.catalogue.location=file:${sangam.test.example-folders}/")
class ExampleDepartmentTest extends HubIntegrationTest {

    private static final Path FOLDERS = newDataDir().resolve("connectors");

    static {
        Folders.copy(Path.of("connectors"), FOLDERS);
        Folders.copy(Path.of("examples/transport"), FOLDERS.resolve("transport"));
        System.setProperty("sangam.test.example-folders", FOLDERS.toString());
    }

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void hubOfItsOwn(DynamicPropertyRegistry registry) {
        ownHub(registry);
    }

    @Test
    void theExampleDepartmentTakesApplicationsAndCallsBackWithNoJavaOfItsOwn() {
        JsonNode transport = null;
        for (JsonNode department : hub.get("/api/v1/departments", null).json().path("items")) {
            if (department.path("code").asText().equals("transport")) {
                transport = department;
            }
        }
        assertThat(transport).as("the transport department").isNotNull();
        assertThat(transport.path("connector").path("simulator").asText()).startsWith("http://localhost:");

        Answer submitted = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "transport-learner-licence"));
        assertThat(submitted.status()).as(submitted.json().toString()).isEqualTo(201);
        String id = submitted.json().path("applicationId").asText();
        ApplicationRows rows = new ApplicationRows(jdbc);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(id).equals("FORWARDED"));
        assertThat(rows.reference(id)).startsWith("TR/").endsWith("/" + id);

        // The department's demo client calls back in the department's own codes.
        Answer update = hub.post("/api/v1/departments/transport/status-updates", "dept-transport", null,
                "application/json", "{\"departmentReference\": \"" + rows.reference(id)
                        + "\", \"status\": \"TEST_BOOKED\"}");
        assertThat(update.status()).as(update.json().toString()).isEqualTo(200);
        assertThat(rows.status(id)).isEqualTo("IN_PROCESS");
    }
}
