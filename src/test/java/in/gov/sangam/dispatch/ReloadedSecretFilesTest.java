package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A secret put in the node's secret files after it started (a department added by a reload needs it) is known once
 * the folders are reloaded: the config tree is read as Spring Boot read it at start-up.
 */
class ReloadedSecretFilesTest {

    @TempDir
    Path secrets;

    @Test
    void aSecretFileWrittenAfterTheStartIsReadByTheReload() throws IOException {
        Files.writeString(secrets.resolve("SANGAM_HEALTH_PASSWORD"), "health-secret\n");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NothingElse.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.config.import=optional:configtree:" + secrets + "/").run()) {
            ConfigurableEnvironment environment = context.getEnvironment();
            assertThat(environment.getProperty("SANGAM_HEALTH_PASSWORD")).isEqualTo("health-secret");
            Files.writeString(secrets.resolve("SANGAM_TRANSPORT_CLIENT_SECRET"), "transport-secret\n");
            assertThat(environment.getProperty("SANGAM_TRANSPORT_CLIENT_SECRET")).isNull();

            new ReloadedSecretFiles(environment).resolving(List.of());

            assertThat(environment.getProperty("SANGAM_TRANSPORT_CLIENT_SECRET")).isEqualTo("transport-secret");
            assertThat(environment.resolveRequiredPlaceholders("${SANGAM_TRANSPORT_CLIENT_SECRET}:"
                    + "${SANGAM_HEALTH_PASSWORD}")).isEqualTo("transport-secret:health-secret");
        }
    }

    @SpringBootConfiguration
    static class NothingElse {
    }
}
