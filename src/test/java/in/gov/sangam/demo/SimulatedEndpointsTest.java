package in.gov.sangam.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which departments the demo simulates, and how it points their connectors at the simulators. */
class SimulatedEndpointsTest {

    private final SimulatedEndpoints endpoints = new SimulatedEndpoints();

    @Test
    void theDefaultProfilePointsEveryUnconfiguredDepartmentAtAFreePort() {
        MockEnvironment environment = demo();

        endpoints.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("sangam.connectors.health.endpoint")).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(environment.getProperty("sangam.connectors.revenue.endpoint")).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(environment.getProperty("sangam.connectors.education.endpoint"))
                .matches("sftp://127\\.0\\.0\\.1:\\d+");
        assertThat(environment.getProperty("sangam.connectors.education.batch.hostKeyChecking")).isEqualTo("no");
        assertThat(environment.getProperty("sangam.demo.simulated.health"))
                .isEqualTo(environment.getProperty("sangam.connectors.health.endpoint"));
    }

    @Test
    void aDepartmentWithItsOwnEndpointIsNotSimulated() {
        MockEnvironment environment = demo()
                .withProperty("SANGAM_HEALTH_URL", "https://hmis.example.gov.in")
                .withProperty("sangam.connectors.revenue.endpoint", "https://revenue.example.gov.in");

        endpoints.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("sangam.demo.simulated.health")).isNull();
        assertThat(environment.getProperty("sangam.connectors.health.endpoint")).isNull();
        assertThat(environment.getProperty("sangam.demo.simulated.revenue")).isNull();
        assertThat(environment.getProperty("sangam.connectors.revenue.endpoint"))
                .isEqualTo("https://revenue.example.gov.in");
        assertThat(environment.getProperty("sangam.demo.simulated.education")).isNotNull();
    }

    @Test
    void theSecretsASimulatedFolderNamesAndNobodySetTakeTheSimulatorsValue() {
        MockEnvironment environment = demo().withProperty("SANGAM_REVENUE_PASSWORD", "chosen");

        endpoints.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("SANGAM_HEALTH_PASSWORD")).isEqualTo("simulator-only");
        assertThat(environment.getProperty("SANGAM_EDUCATION_PASSWORD")).isEqualTo("simulator-only");
        assertThat(environment.getProperty("SANGAM_REVENUE_PASSWORD")).isEqualTo("chosen");
        // A placeholder with a default is not a secret, and the endpoint's variable is not touched.
        assertThat(environment.getProperty("SANGAM_HEALTH_USER")).isNull();
        assertThat(environment.getProperty("SANGAM_HEALTH_URL")).isNull();
    }

    @Test
    void aFolderWithItsOwnEndpointKeepsItsSecretsUnset() {
        MockEnvironment environment = demo().withProperty("SANGAM_HEALTH_URL", "https://hmis.example.gov.in");

        endpoints.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("SANGAM_HEALTH_PASSWORD")).isNull();
    }

    @Test
    void aConfiguredPortIsKept() {
        MockEnvironment environment = demo().withProperty("sangam.demo.simulators.health.port", "18092");

        endpoints.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("sangam.connectors.health.endpoint")).isEqualTo("http://127.0.0.1:18092");
    }

    @Test
    void nothingIsSimulatedOutsideTheDefaultProfileOrWhenSimulatorsAreOff() {
        MockEnvironment production = demo();
        production.setActiveProfiles("production");
        MockEnvironment off = demo().withProperty("sangam.simulators.enabled", "false");

        endpoints.postProcessEnvironment(production, null);
        endpoints.postProcessEnvironment(off, null);

        assertThat(production.getProperty("sangam.connectors.health.endpoint")).isNull();
        assertThat(off.getProperty("sangam.connectors.health.endpoint")).isNull();
    }

    private static MockEnvironment demo() {
        return new MockEnvironment()
                .withProperty("sangam.simulators.enabled", "true")
                .withProperty("sangam.catalogue.location", "classpath*:connectors");
    }
}
