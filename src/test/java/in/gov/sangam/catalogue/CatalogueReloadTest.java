package in.gov.sangam.catalogue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.dispatch.Connectors;
import in.gov.sangam.dispatch.DepartmentCircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.Folders;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A fourth department added to a running hub, kept outside the jar, with no Java and no edit outside its folder: a
 * REST/JSON system behind a bearer token from an OAuth2 client-credentials grant (a WireMock of its own). A folder
 * with a mistake is refused whole, naming the file and line; the fixed folder is taken up by
 * {@code POST /api/v1/admin/catalogue/reload} and its applications reach the department; a changed folder gets its
 * connector anew and a removed one loses it.
 */
class CatalogueReloadTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer TRANSPORT = new WireMockServer(options().dynamicPort());
    private static final Path FOLDERS = Folders.copy(Path.of("connectors"), newDataDir().resolve("connectors"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail trail;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    DepartmentCircuitBreakers circuitBreakers;
    @Autowired
    Connectors connectors;
    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void foldersOutsideTheJar(DynamicPropertyRegistry registry) {
        ownHub(registry);
        TRANSPORT.start();
        registry.add("sangam.catalogue.location", () -> "file:" + FOLDERS + "/");
        // What an operator sets for the new department before reloading: its address and its secret.
        registry.add("TRANSPORT_URL", TRANSPORT::baseUrl);
        registry.add("TRANSPORT_TOKEN_URL", () -> TRANSPORT.baseUrl() + "/oauth2/token");
        registry.add("TRANSPORT_CLIENT_SECRET", () -> "transport-secret");
    }

    /** Each test starts from the shipped folders, whatever the one before it left. */
    @AfterEach
    void foldersAsShipped() {
        Folders.delete(FOLDERS);
        Folders.copy(Path.of("connectors"), FOLDERS);
        Answer restored = reload();
        assertThat(restored.status()).as(restored.json().toString()).isEqualTo(200);
        circuitBreakers.circuitBreaker("health").transitionToClosedState();
    }

    @AfterAll
    static void stopTheDepartment() {
        TRANSPORT.stop();
    }

    @Test
    void aDepartmentIsAddedChangedAndRemovedWithoutARestart() throws Exception {
        TRANSPORT.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson(
                "{\"access_token\":\"T-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        TRANSPORT.stubFor(put(urlPathEqualTo("/api/v1/permits")).withHeader("Authorization", equalTo("Bearer T-1"))
                .willReturn(okJson("{\"permitNo\":\"TR/1\",\"state\":\"OPEN\"}").withStatus(201)));
        assertThat(departments()).containsExactly("education", "health", "revenue");
        int reloadsBefore = reloadsAudited();

        // A folder with a mistake: refused whole, nothing changes.
        writeTransport("  template: mappings/submit-request.json.ftl\n");
        Answer refused = reload();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:sangam:problem:catalogue-invalid");
        assertThat(refused.json().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("connectors/transport/connector.yaml:9: submit.path");
            assertThat(error.path("message").asText()).isEqualTo("is required");
        });
        assertThat(departments()).containsExactly("education", "health", "revenue");

        // Fixed: taken up, and its applications reach the department.
        writeTransport("  path: /api/v1/permits\n  template: mappings/submit-request.json.ftl\n");
        Answer added = reload();
        assertThat(added.status()).isEqualTo(200);
        assertThat(changes(added)).containsEntry("transport", "ADDED").containsEntry("health", "UNCHANGED")
                .containsEntry("revenue", "UNCHANGED").containsEntry("education", "UNCHANGED");
        assertThat(departments()).containsExactly("education", "health", "revenue", "transport");
        String permit = submit("transport-road-permit");
        ApplicationRows rows = new ApplicationRows(jdbc);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(permit).equals("FORWARDED"));
        assertThat(rows.reference(permit)).isEqualTo("TR/1");
        assertThat(TRANSPORT.findAll(putRequestedFor(urlPathEqualTo("/api/v1/permits")))).hasSize(1);

        // A changed folder gets its connector anew; its applications still reach it.
        Path health = FOLDERS.resolve("health/connector.yaml");
        Files.writeString(health, Files.readString(health).replace("  response: 10s", "  response: 11s"));
        Answer changed = reload();
        assertThat(changes(changed)).containsEntry("health", "CHANGED").containsEntry("transport", "UNCHANGED");
        String registration = submit("health-birth-registration");
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(registration).equals("FORWARDED"));

        // A removed folder loses its connector and its services.
        Folders.delete(FOLDERS.resolve("transport"));
        Answer removed = reload();
        assertThat(changes(removed)).containsEntry("transport", "REMOVED");
        assertThat(departments()).containsExactly("education", "health", "revenue");
        assertThat(hub.get("/api/v1/services/transport-road-permit", null).status()).isEqualTo(404);
        assertThat(reloadsAudited()).isEqualTo(reloadsBefore + 3);
    }

    @Test
    void aKeystoreThatIsNotThereIsFoundBeforeAnythingChanges() throws Exception {
        Path health = FOLDERS.resolve("health/connector.yaml");
        int reloadsBefore = reloadsAudited();
        Files.writeString(health, Files.readString(health) + """

                mutualTls:
                  keystore: file:%s
                  password: ${SANGAM_HEALTH_PASSWORD}
                """.formatted(FOLDERS.resolve("health/no-such-keystore.p12")));

        Answer refused = reload();

        assertThat(refused.status()).as(refused.json().toString()).isEqualTo(422);
        assertThat(refused.json().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("connectors/health/connector.yaml");
            assertThat(error.path("message").asText()).isEqualTo("mutualTls: file:"
                    + FOLDERS.resolve("health/no-such-keystore.p12") + " does not exist");
        });
        assertThat(reloadsAudited()).isEqualTo(reloadsBefore);
    }

    @Test
    void aConnectorThatCannotStartPutsEveryConnectorBackAsItWas() throws Exception {
        int reloadsBefore = reloadsAudited();
        CircuitBreaker healthCircuit = circuitBreakers.circuitBreaker("health");
        Route healthRoute = camel.getRoute("dispatch-health");
        healthCircuit.transitionToOpenState();
        // Health changed, and started anew first; then a new department whose endpoint names a setting that does
        // not exist, which Camel finds only when it makes the route.
        Path health = FOLDERS.resolve("health/connector.yaml");
        Files.writeString(health, Files.readString(health).replaceFirst("  response: \\d+s", "  response: 7s"));
        writeTransport("  path: /api/v1/permits\n  template: mappings/submit-request.json.ftl\n");
        Path transport = FOLDERS.resolve("transport/connector.yaml");
        Files.writeString(transport, Files.readString(transport).replace("endpoint: ${TRANSPORT_URL}",
                "endpoint: http://127.0.0.1:9/{{no.such.setting}}"));

        Answer refused = reload();

        assertThat(refused.status()).as(refused.json().toString()).isEqualTo(422);
        assertThat(refused.json().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("connectors/transport/connector.yaml");
            assertThat(error.path("message").asText()).startsWith("its connector could not be started (")
                    .contains("no.such.setting").endsWith("nothing was changed");
        });
        assertThat(departments()).containsExactly("education", "health", "revenue");
        assertThat(camel.getRoute("dispatch-transport")).isNull();
        assertThat(camel.getRegistry().lookupByName(DepartmentCircuitBreakers.beanName("transport"))).isNull();
        // Health runs again as it was: its settings, and its circuit breaker, still open.
        assertThat(connectors.settings("health").responseTimeout()).isNotEqualTo(Duration.ofSeconds(7));
        assertThat(camel.getRoute("dispatch-health")).isNotNull().isNotSameAs(healthRoute);
        assertThat(circuitBreakers.circuitBreaker("health")).isSameAs(healthCircuit);
        assertThat(healthCircuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(camel.getRegistry().lookupByName(DepartmentCircuitBreakers.beanName("health")))
                .isSameAs(healthCircuit);
        assertThat(reloadsAudited()).isEqualTo(reloadsBefore);

        healthCircuit.transitionToClosedState();
        String registration = submit("health-birth-registration");
        ApplicationRows rows = new ApplicationRows(jdbc);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(registration).equals("FORWARDED"));
    }

    @Test
    void anApplicationInFlightFinishesBeforeItsConnectorIsReplacedAndIsSentOnce() throws Exception {
        WireMockServer hmis = simulators.server("health");
        Path health = FOLDERS.resolve("health/connector.yaml");
        String asItWas = Files.readString(health);
        ApplicationRows rows = new ApplicationRows(jdbc);
        hmis.setGlobalFixedDelay(8_000);
        try {
            String registration = submit("health-birth-registration");
            // The call is under way: HMIS has the application and takes 8 s to answer.
            await().atMost(Duration.ofSeconds(60)).until(() -> submissionsOf(hmis, registration) == 1);
            assertThat(rows.status(registration)).isEqualTo("SUBMITTED");

            Files.writeString(health, asItWas.replaceFirst("  response: \\d+s", "  response: 9s"));
            Answer changed = reload();
            assertThat(changed.status()).as(changed.json().toString()).isEqualTo(200);
            assertThat(changes(changed)).containsEntry("health", "CHANGED");

            // The old connector finished its call before it stopped: the answer is applied by the time the reload
            // answers, and nothing is sent again.
            assertThat(rows.status(registration)).isEqualTo("FORWARDED");
            hmis.setGlobalFixedDelay(0);
            String next = submit("health-birth-registration");
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(next).equals("FORWARDED"));
            assertThat(submissionsOf(hmis, registration)).isEqualTo(1);
        } finally {
            hmis.setGlobalFixedDelay(0);
        }
    }

    @Test
    void aChangedRequestTemplateIsUsedAfterAReload() throws Exception {
        WireMockServer hmis = simulators.server("health");
        Path template = FOLDERS.resolve("health/mappings/submit-request.json.ftl");
        String asItWas = Files.readString(template);
        ApplicationRows rows = new ApplicationRows(jdbc);
        Files.writeString(template, asItWas.replaceFirst("\\{\n", "{\n  \"form_version\": \"2\",\n"));
        Answer changed = reload();
        assertThat(changes(changed)).containsEntry("health", "CHANGED");
        String registration = submit("health-birth-registration");
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(registration).equals("FORWARDED"));
        assertThat(hmis.findAll(postRequestedFor(urlPathMatching("/hmis/api/v2/registrations"))).stream()
                .filter(request -> request.getBodyAsString().contains(registration)))
                .singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                        .contains("\"form_version\": \"2\""));
    }

    @Test
    void anAnswerTheHubCannotUseIsADeadLetterThatKeepsItAndIsAppliedOnReplayWithoutAskingTheDepartmentAgain()
            throws Exception {
        WireMockServer hmis = simulators.server("health");
        // HMIS has begun to answer with a status code of its own that health's folder does not list yet.
        StubMapping newCode = hmis.stubFor(post(urlPathEqualTo("/hmis/api/v2/registrations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.applicant[?(@.full_name == 'Nargis Newcode')]"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"ack_no\": \"HLT/NEW/1\", \"status_cd\": \"PRE\"}")));
        Path health = FOLDERS.resolve("health/connector.yaml");
        String asItWas = Files.readString(health);
        ApplicationRows rows = new ApplicationRows(jdbc);
        try {
            ObjectNode application = (ObjectNode) JSON.readTree(Applications.forService(hub,
                    "health-birth-registration"));
            ((ObjectNode) application.path("applicant")).put("name", "Nargis Newcode");
            Answer submitted = hub.submit("portal", UUID.randomUUID().toString(), application.toString());
            assertThat(submitted.status()).as(submitted.json().toString()).isEqualTo(201);
            String id = submitted.json().path("applicationId").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.deadLetterReason(id) != null);
            assertThat(rows.deadLetterReason(id)).contains("PRE");
            assertThat(rows.status(id)).isEqualTo("SUBMITTED");

            // The integrator lists the new code in the folder, the hub reloads it, an operator replays the letter.
            Files.writeString(health, asItWas.replace("  REJ: REJECTED", "  REJ: REJECTED\n  PRE: FORWARDED"));
            Answer reloaded = reload();
            assertThat(changes(reloaded)).containsEntry("health", "UNCHANGED");
            long letter = jdbc.sql("SELECT id FROM dead_letter WHERE application_id = :id").param("id", id)
                    .query(Long.class).single();
            Answer replay = hub.post("/api/v1/admin/dead-letters/" + letter + "/replay", "admin", null,
                    "application/json", "");
            assertThat(replay.status()).as(replay.json().toString()).isEqualTo(202);

            // The answer the department gave is applied: FORWARDED with its reference, and it was asked once.
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(id).equals("FORWARDED"));
            assertThat(rows.reference(id)).isEqualTo("HLT/NEW/1");
            assertThat(submissionsOf(hmis, id)).isEqualTo(1);
        } finally {
            hmis.removeStub(newCode);
        }
    }

    private static int submissionsOf(WireMockServer hmis, String applicationId) {
        return (int) hmis.findAll(postRequestedFor(urlPathMatching("/hmis/api/v2/registrations"))).stream()
                .filter(request -> request.getBodyAsString().contains(applicationId)).count();
    }

    private int reloadsAudited() {
        trail.sealCommitted();
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CATALOGUE_RELOADED'")
                .query(Integer.class).single();
    }

    @Test
    void onlyAnAdministratorMayReload() {
        assertThat(hub.post("/api/v1/admin/catalogue/reload", "portal", null, "application/json", "").status())
                .isEqualTo(403);
        assertThat(hub.post("/api/v1/admin/catalogue/reload", null, null, "application/json", "").status())
                .isEqualTo(401);
    }

    private Answer reload() {
        return hub.post("/api/v1/admin/catalogue/reload", "admin", null, "application/json", "");
    }

    private static Map<String, String> changes(Answer answer) {
        Map<String, String> changes = new HashMap<>();
        answer.json().path("departments").forEach(d -> changes.put(d.path("code").asText(), d.path("change").asText()));
        return changes;
    }

    private java.util.List<String> departments() {
        java.util.List<String> codes = new java.util.ArrayList<>();
        hub.get("/api/v1/departments", null).json().path("items").forEach(d -> codes.add(d.path("code").asText()));
        return codes;
    }

    private String submit(String service) {
        Answer answer = hub.submit("portal", UUID.randomUUID().toString(), Applications.forService(hub, service));
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }

    /** The fourth department's folder, its connector.yaml's submit section as given. */
    private static void writeTransport(String submit) throws IOException {
        Path folder = Files.createDirectories(FOLDERS.resolve("transport/mappings"));
        Files.writeString(folder.resolveSibling("department.yaml"), "code: transport\nname: Transport Department\n"
                + CatalogueLoaderTest.CONTACTS);
        Files.writeString(folder.resolveSibling("services.yaml"), "services:\n"
                + CatalogueLoaderTest.service("transport-road-permit", 15, "WORKING_DAYS"));
        Files.writeString(folder.resolveSibling("connector.yaml"), """
                # A REST/JSON system behind a bearer token from an OAuth2 client-credentials grant.
                protocol: rest
                endpoint: ${TRANSPORT_URL}
                authentication:
                  kind: bearer
                  tokenUrl: ${TRANSPORT_TOKEN_URL}
                  clientId: sangam-hub
                  clientSecret: ${TRANSPORT_CLIENT_SECRET}
                submit:
                %s  method: PUT
                  reference: $.permitNo
                  status: $.state
                statusCodes:
                  OPEN: FORWARDED
                  APPROVED: DELIVERED
                """.formatted(submit));
        Files.writeString(folder.resolve("submit-request.json.ftl"),
                "{\"hubReference\": \"${body.application.applicationId?json_string}\"}\n");
    }
}
