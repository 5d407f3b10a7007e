package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueLocations;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DynamicNode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conformance check of a department folder against the simulator in its folder, on a running hub: a sample
 * application of each of its services (its form filled in from the form's examples) reaches FORWARDED; a status
 * reported in the department's own codes is normalised; and, where the folder's {@code simulator/conformance.yaml}
 * says how to make its system refuse, the refusal becomes a dead letter and the application stays SUBMITTED.
 */
final class ConnectorConformance {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubClient hub;
    private final JdbcClient jdbc;
    private final ResourcePatternResolver resources;
    private final String catalogueLocation;

    ConnectorConformance(HubClient hub, JdbcClient jdbc, ResourcePatternResolver resources, String catalogueLocation) {
        this.hub = hub;
        this.jdbc = jdbc;
        this.resources = resources;
        this.catalogueLocation = catalogueLocation;
    }

    /** The department's checks, by name; the refusal only where its folder says how to make its system refuse. */
    DynamicNode of(CatalogueDepartment department) {
        List<DynamicNode> checks = new ArrayList<>();
        checks.add(dynamicTest("a sample application of each service reaches FORWARDED",
                () -> sampleApplicationsAreForwarded(department)));
        checks.add(dynamicTest("a status in its own codes is normalised", () -> aStatusIsNormalised(department)));
        JsonNode refusal = conformance(department).path("refusal");
        if (!refusal.isMissingNode()) {
            checks.add(dynamicTest("a refusal becomes a dead letter", () -> aRefusalIsADeadLetter(refusal)));
        }
        return dynamicContainer(department.code(), checks);
    }

    private void sampleApplicationsAreForwarded(CatalogueDepartment department) {
        assertThat(department.services()).as("services of " + department.code()).isNotEmpty();
        Map<String, String> submitted = new LinkedHashMap<>();
        for (CatalogueService service : department.services()) {
            submitted.put(service.code(), submit(Applications.forService(hub, service.code())));
        }
        ApplicationRows rows = new ApplicationRows(jdbc);
        submitted.forEach((service, id) -> await(service).until(() -> rows.status(id).equals("FORWARDED")));
        submitted.forEach((service, id) -> assertThat(rows.reference(id))
                .as("the department's reference of the " + service + " application").isNotBlank());
    }

    private void aStatusIsNormalised(CatalogueDepartment department) {
        String id = submit(Applications.forService(hub, department.services().get(0).code()));
        ApplicationRows rows = new ApplicationRows(jdbc);
        await(department.code()).until(() -> rows.status(id).equals("FORWARDED"));
        String inProcess = department.codeFor("IN_PROCESS");
        assertThat(inProcess).as(department.code() + " has a code of its own for IN_PROCESS").isNotEqualTo("IN_PROCESS");

        var answer = hub.post("/api/v1/departments/" + department.code() + "/status-updates",
                "dept-" + department.code(), null, "application/json",
                "{\"applicationId\": \"" + id + "\", \"status\": \"" + inProcess.toLowerCase() + "\"}");

        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(rows.status(id)).isEqualTo("IN_PROCESS");
    }

    private void aRefusalIsADeadLetter(JsonNode refusal) throws IOException {
        ObjectNode application = (ObjectNode) JSON.readTree(Applications.forService(hub,
                refusal.path("service").asText()));
        ((ObjectNode) application.path("formData")).setAll((ObjectNode) refusal.path("form"));
        String id = submit(application.toString());
        ApplicationRows rows = new ApplicationRows(jdbc);

        await(refusal.path("service").asText()).until(() -> rows.deadLetterReason(id) != null);

        assertThat(rows.status(id)).isEqualTo("SUBMITTED");
        assertThat(rows.deadLetterReason(id)).contains("refused");
    }

    private String submit(String body) {
        var answer = hub.submit("portal", UUID.randomUUID().toString(), body);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }

    private JsonNode conformance(CatalogueDepartment department) {
        String location = CatalogueLocations.folderOf(catalogueLocation, department.code())
                + "/simulator/conformance.yaml";
        try {
            // A file: location names a file whether or not it is there; a classpath*: one only what is.
            Resource found = Arrays.stream(resources.getResources(location)).filter(Resource::exists).findFirst()
                    .orElse(null);
            if (found == null) {
                return JSON.createObjectNode();
            }
            try (InputStream in = found.getInputStream()) {
                return YAML.readTree(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + location, e);
        }
    }

    private static org.awaitility.core.ConditionFactory await(String what) {
        return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(60));
    }
}
