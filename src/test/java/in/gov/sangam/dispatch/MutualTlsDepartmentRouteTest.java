package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import in.gov.sangam.support.RouteSlice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.springboot.HttpComponentAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A department reached over mutual TLS ({@code mutualTls} in its connector.yaml,
 * {@code src/test/resources/mutual-tls-department/licences}): its server lets in only clients with a certificate it
 * trusts, and its own certificate is trusted through the department's truststore. Both certificates are made for the
 * test with the JDK's keytool, so nothing else is trusted by accident.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/connector-http.yaml",
    "sangam.connectors.answer-recording.retries=0", "sangam.connectors.answer-recording.delay-ms=10",
    "sangam.connectors.answer-recording.max-delay-ms=10",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
@ImportAutoConfiguration(HttpComponentAutoConfiguration.class)
class MutualTlsDepartmentRouteTest {

    private static final String QUEUE = "jms:queue:sangam.dispatch.licences";
    private static final String PASSWORD = "changeit";
    private static final Path STORES = certificates();

    static final WireMockServer LICENCES = new WireMockServer(options()
            .httpDisabled(true)
            .dynamicHttpsPort()
            .keystorePath(STORES.resolve("server.p12").toString())
            .keystoreType("PKCS12")
            .keystorePassword(PASSWORD)
            .keyManagerPassword(PASSWORD)
            .needClientAuth(true)
            .trustStorePath(STORES.resolve("server-trust.p12").toString())
            .trustStoreType("PKCS12")
            .trustStorePassword(PASSWORD));

    static {
        LICENCES.start();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "dispatcher")
    Dispatcher dispatcher;
    @MockitoBean(name = "statusPolls")
    StatusPolls statusPolls;
    @MockitoBean(name = "connectorHealth")
    ConnectorHealth health;

    final List<String> accepted = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stop() {
        LICENCES.stop();
    }

    @BeforeEach
    void department() throws Exception {
        if (!camel.isStarted()) {
            DepartmentFolderRoutes.add(camel, "mutual-tls-department", "licences", new MockEnvironment()
                    .withProperty("LICENCES_URL", "https://localhost:" + LICENCES.httpsPort())
                    .withProperty("LICENCES_KEYSTORE", "file:" + STORES.resolve("client.p12"))
                    .withProperty("LICENCES_KEYSTORE_PASSWORD", PASSWORD)
                    .withProperty("LICENCES_TRUSTSTORE", "file:" + STORES.resolve("client-trust.p12"))
                    .withProperty("LICENCES_TRUSTSTORE_PASSWORD", PASSWORD));
            camel.start();
        }
        LICENCES.resetAll();
        DepartmentFolderRoutes.answerAsTheDispatcher(dispatcher, accepted);
    }

    @Test
    void theApplicationGoesOverTlsWithTheHubsCertificate() {
        LICENCES.stubFor(post(urlPathEqualTo("/licences")).willReturn(okJson("{\"licenceNo\":\"L/9\"}")
                .withStatus(201)));

        producer.sendBody(QUEUE, "{\"applicationId\":\"SGM-2026-0000042\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() == 1);
        assertThat(accepted).containsExactly("L/9");
        // The server took the request: the handshake, which asks for the hub's certificate, went through.
        assertThat(LICENCES.findAll(postRequestedFor(urlPathEqualTo("/licences")))).hasSize(1);
    }

    /** A server certificate and a client certificate, each trusted by the other side only. */
    private static Path certificates() {
        try {
            Path stores = Files.createTempDirectory("sangam-mtls-");
            keytool(stores, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", "server.p12");
            keytool(stores, "-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=sangam-hub", "-keystore", "client.p12");
            keytool(stores, "-exportcert", "-alias", "server", "-keystore", "server.p12", "-file", "server.cer");
            keytool(stores, "-exportcert", "-alias", "client", "-keystore", "client.p12", "-file", "client.cer");
            keytool(stores, "-importcert", "-noprompt", "-alias", "server", "-file", "server.cer", "-keystore",
                    "client-trust.p12");
            keytool(stores, "-importcert", "-noprompt", "-alias", "client", "-file", "client.cer", "-keystore",
                    "server-trust.p12");
            return stores;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(Path folder, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process keytool = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        try {
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: "
                        + new String(keytool.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
