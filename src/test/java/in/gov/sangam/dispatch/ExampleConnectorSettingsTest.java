package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The example department's connector settings ({@code examples/transport/connector.yaml}) in the environments it
 * meets: production, where an operator sets only what the README names (the system's URL and the client secret),
 * and the demo, which points the endpoint at the simulator through {@code sangam.connectors.transport.endpoint}.
 */
class ExampleConnectorSettingsTest {

    private static final CatalogueDepartment TRANSPORT = new CatalogueLoader().load("file:examples").stream()
            .filter(department -> department.code().equals("transport")).findFirst().orElseThrow();

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("SANGAM_TRANSPORT_URL", "https://permits.transport.example.gov.in")
                .withProperty("SANGAM_TRANSPORT_CLIENT_SECRET", "transport-secret");
    }

    @Test
    void inProductionTheTokenEndpointIsTheSystemsOwnFromItsUrlAlone() {
        ConnectorSettings settings = ConnectorSettings.of(TRANSPORT, production());

        assertThat(settings.endpoint()).isEqualTo("https://permits.transport.example.gov.in");
        assertThat(settings.authentication().kind()).isEqualTo("bearer");
        assertThat(settings.authentication().tokenUrl())
                .isEqualTo("https://permits.transport.example.gov.in/oauth2/token");
        assertThat(settings.authentication().clientId()).isEqualTo("sangam-hub");
        assertThat(settings.authentication().clientSecret()).isEqualTo("transport-secret");
        assertThat(settings.method()).isEqualTo("PUT");
        assertThat(settings.pollMethod()).isEqualTo("GET");
        assertThat(settings.pollPath()).isEqualTo("/api/v1/permits/status");
        assertThat(settings.pollEvery()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aTokenEndpointOfItsOwnWins() {
        ConnectorSettings settings = ConnectorSettings.of(TRANSPORT, production()
                .withProperty("SANGAM_TRANSPORT_TOKEN_URL", "https://sso.transport.example.gov.in/token"));

        assertThat(settings.authentication().tokenUrl()).isEqualTo("https://sso.transport.example.gov.in/token");
    }

    @Test
    void theTokenEndpointFollowsAnEndpointOverriddenAsTheDemoDoes() {
        ConnectorSettings settings = ConnectorSettings.of(TRANSPORT, new MockEnvironment()
                .withProperty("sangam.connectors.transport.endpoint", "http://127.0.0.1:20001")
                .withProperty("SANGAM_TRANSPORT_CLIENT_SECRET", "simulator-only"));

        assertThat(settings.endpoint()).isEqualTo("http://127.0.0.1:20001");
        assertThat(settings.authentication().tokenUrl()).isEqualTo("http://127.0.0.1:20001/oauth2/token");
    }

    @Test
    void thePollIntervalCanBeOverriddenPerEnvironment() {
        ConnectorSettings settings = ConnectorSettings.of(TRANSPORT, production()
                .withProperty("sangam.connectors.transport.statusPolling.every", "1s"));

        assertThat(settings.pollEvery()).isEqualTo(Duration.ofSeconds(1));
    }
}
