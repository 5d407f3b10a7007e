package in.gov.sangam.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real programme has 913 services; the hub starts and serves a catalogue of 1,000. How long start-up takes is
 * reported here and measured by the start-up benchmark (see README), never asserted.
 */
class LargeCatalogueTest {

    private static final Logger LOG = LoggerFactory.getLogger(LargeCatalogueTest.class);

    @TempDir
    Path connectors;

    @TempDir
    Path dataDir;

    @Test
    void theHubStartsAndServesAThousandServices() throws Exception {
        GeneratedCatalogue.write(connectors, 20, 50);

        long started = System.nanoTime();
        try (HubProcess hub = HubProcess.start(dataDir, "sangam.catalogue.location=file:" + connectors)) {
            LOG.info("Hub with 1,000 services started in {} ms", (System.nanoTime() - started) / 1_000_000);
            HubClient client = hub.client();

            assertThat(client.get("/api/v1/departments", null).json().path("items")).hasSize(20);
            assertThat(client.get("/api/v1/services?size=100", null).json().path("total").asInt()).isEqualTo(1000);
            assertThat(client.get("/api/v1/services?department=department-7&q=number%2042", null).json()
                    .path("items").get(0).path("code").asText()).isEqualTo("department-7-service-42");
            assertThat(client.get("/api/v1/services/department-20-service-50", null).status()).isEqualTo(200);
            // Each department of the catalogue gets its dispatch queue on the broker.
            assertThat(hub.bean(EmbeddedActiveMQ.class).getActiveMQServer()
                    .locateQueue("sangam.dispatch.department-20")).isNotNull();
        }
    }
}
