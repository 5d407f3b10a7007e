package in.gov.sangam.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Every department folder gets a demo client for its call-backs, without an edit outside the folder. */
class DepartmentDemoClientsTest {

    private static final String CLIENTS = "sangam.security.embedded-authorization-server.clients.";

    private final DepartmentDemoClients clients = new DepartmentDemoClients();

    @Test
    void eachShippedDepartmentHasItsClient() {
        MockEnvironment environment = demo();

        clients.postProcessEnvironment(environment, null);

        for (String department : new String[] {"revenue", "health", "education"}) {
            assertThat(environment.getProperty(CLIENTS + "dept-" + department + ".secret"))
                    .isEqualTo("dept-" + department + "-secret");
            assertThat(environment.getProperty(CLIENTS + "dept-" + department + ".scopes[0]"))
                    .isEqualTo("department:" + department);
        }
    }

    @Test
    void aFolderKeptOutsideTheJarGetsItsClient(@TempDir Path folders) throws Exception {
        Files.createDirectories(folders.resolve("transport"));
        Files.writeString(folders.resolve("transport/connector.yaml"), "protocol: rest\n");
        MockEnvironment environment = demo().withProperty("sangam.catalogue.location", "file:" + folders + "/");

        clients.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(CLIENTS + "dept-transport.scopes[0]")).isEqualTo("department:transport");
        assertThat(environment.getProperty(CLIENTS + "dept-health.secret")).isNull();
    }

    @Test
    void aClientConfiguredByHandKeepsItsSecret() {
        MockEnvironment environment = demo().withProperty(CLIENTS + "dept-health.secret", "chosen");

        clients.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(CLIENTS + "dept-health.secret")).isEqualTo("chosen");
    }

    @Test
    void noClientOutsideTheDefaultProfileOrWithoutTheEmbeddedServer() {
        MockEnvironment production = demo();
        production.setActiveProfiles("production");
        MockEnvironment external = demo().withProperty("sangam.security.embedded-authorization-server.enabled", "false");

        clients.postProcessEnvironment(production, null);
        clients.postProcessEnvironment(external, null);

        assertThat(production.getProperty(CLIENTS + "dept-health.secret")).isNull();
        assertThat(external.getProperty(CLIENTS + "dept-health.secret")).isNull();
    }

    private static MockEnvironment demo() {
        return new MockEnvironment()
                .withProperty("sangam.security.embedded-authorization-server.enabled", "true")
                .withProperty("sangam.catalogue.location", "classpath*:connectors");
    }
}
