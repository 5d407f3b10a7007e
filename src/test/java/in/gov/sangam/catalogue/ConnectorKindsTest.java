package in.gov.sangam.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each connector kind describes itself, as a Kamelet does: what it is, the route templates it is made of, and every
 * parameter of a connector.yaml of its kind with a description, a type and an example or default.
 */
class ConnectorKindsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ConnectorKinds KINDS = ConnectorKinds.shipped();

    @Test
    void theHubShipsTheKindsItsDepartmentsUse() {
        assertThat(KINDS.all()).extracting(ConnectorKind::name).containsExactly("rest", "sftp-batch", "soap");
        KINDS.all().forEach(kind -> {
            assertThat(kind.title()).as(kind.name()).isNotBlank();
            assertThat(kind.description()).as(kind.name()).isNotBlank();
            assertThat(kind.definition().path("properties").path("protocol").path("const").asText())
                    .as(kind.name() + " names itself").isEqualTo(kind.name());
        });
    }

    @Test
    void everyTemplateAKindIsMadeOfIsAHubRouteTemplate() throws IOException {
        Set<String> templates = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                for (JsonNode entry : YAML.readTree(file.toFile())) {
                    JsonNode template = entry.path("routeTemplate");
                    if (!template.isMissingNode()) {
                        templates.add(template.path("id").asText());
                    }
                }
            }
        }

        KINDS.all().forEach(kind -> assertThat(templates).as(kind.name()).containsAll(kind.templates()));
    }

    @Test
    void everyParameterHasADescriptionATypeAndAnExampleOrDefault() {
        List<String> undescribed = new ArrayList<>();
        for (ConnectorKind kind : KINDS.all()) {
            JsonNode defs = kind.definition().path("$defs");
            kind.definition().path("properties").fields().forEachRemaining(
                    parameter -> check(kind.name() + "." + parameter.getKey(), parameter.getValue(), defs, undescribed));
        }

        assertThat(undescribed).isEmpty();
    }

    private static void check(String name, JsonNode parameter, JsonNode defs, List<String> undescribed) {
        JsonNode target = parameter.has("$ref")
                ? defs.path(parameter.path("$ref").asText().replace("#/$defs/", "")) : parameter;
        if (!parameter.has("description") && !target.has("description")) {
            undescribed.add(name + ": no description");
        }
        if (Stream.of("type", "enum", "const").noneMatch(target::has)) {
            undescribed.add(name + ": no type");
        }
        JsonNode properties = target.path("properties");
        if (properties.isObject() && !properties.isEmpty()) {
            properties.fields().forEachRemaining(child -> check(name + "." + child.getKey(), child.getValue(), defs,
                    undescribed));
        } else if (Stream.of("examples", "default", "enum", "const").noneMatch(
                key -> parameter.has(key) || target.has(key))) {
            undescribed.add(name + ": no example or default");
        }
    }

    @Test
    void aConnectorOfNoKnownKindIsNamed() throws IOException {
        assertThat(KINDS.check(YAML.readTree("protocol: ftp\nendpoint: ftp://x\n")))
                .containsExactly(new JsonSchemas.FieldProblem("protocol",
                        "'ftp' is not a connector kind (known: rest, sftp-batch, soap)"));
        assertThat(KINDS.check(YAML.readTree("endpoint: http://x\n")))
                .extracting(JsonSchemas.FieldProblem::field).containsExactly("protocol");
    }

    @Test
    void aParameterOfAnotherKindIsNotAccepted() throws IOException {
        JsonNode rest = YAML.readTree("""
                protocol: rest
                endpoint: http://x
                submit: {path: /a, template: t.ftl, soapAction: "urn:x"}
                batch: {inbox: in, outbox: out, template: t.ftl, pollEvery: 10s}
                """);

        assertThat(KINDS.check(rest)).extracting(JsonSchemas.FieldProblem::field)
                .containsExactlyInAnyOrder("submit.soapAction", "batch");
        assertThat(KINDS.check(rest)).allMatch(problem -> problem.message().equals("is not a known field"));
    }
}
