package in.gov.sangam.catalogue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import in.gov.sangam.support.Applications;

import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
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

        // The generated departments' system, reached over real HTTP: a department kept outside the jar works end
        // to end, its request rendered from the template in its own folder.
        WireMockServer department = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        department.start();
        department.stubFor(post(urlPathEqualTo("/applications")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        long started = System.nanoTime();
        try (HubProcess hub = HubProcess.start(dataDir, "sangam.catalogue.location=file:" + connectors,
                "sangam.connectors.department-7.endpoint=" + department.baseUrl())) {
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

            String id = client.submit("portal", UUID.randomUUID().toString(),
                    Applications.forService(client, "department-7-service-42")).json().path("applicationId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> client.get("/api/v1/applications/" + id, "portal")
                    .json().path("status").asText().equals("FORWARDED"));
            assertThat(department.findAll(postRequestedFor(urlPathEqualTo("/applications"))))
                    .singleElement().satisfies(call -> assertThat(call.getBodyAsString()).contains(id));
        } finally {
            department.stop();
        }
    }
}
