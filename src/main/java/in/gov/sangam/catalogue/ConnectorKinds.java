package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The connector kinds the hub ships ({@code kinds/*.yaml}), and the check of a department's {@code connector.yaml}
 * against the kind it names in {@code protocol}.
 */
public final class ConnectorKinds {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String COMMON = "common.yaml";

    private final Map<String, ConnectorKind> kinds;

    private ConnectorKinds(Map<String, ConnectorKind> kinds) {
        this.kinds = kinds;
    }

    /** The kinds shipped on the classpath. */
    public static ConnectorKinds shipped() {
        try {
            PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
            JsonNode shared = read(resources.getResource("classpath:kinds/" + COMMON)).path("$defs");
            Map<String, ConnectorKind> kinds = new TreeMap<>();
            for (Resource file : resources.getResources("classpath*:kinds/*.yaml")) {
                if (COMMON.equals(file.getFilename())) {
                    continue;
                }
                ConnectorKind kind = kind(read(file), shared);
                kinds.put(kind.name(), kind);
            }
            return new ConnectorKinds(kinds);
        } catch (IOException e) {
            throw new UncheckedIOException("The connector kinds (kinds/*.yaml) cannot be read", e);
        }
    }

    private static ConnectorKind kind(JsonNode file, JsonNode shared) {
        ObjectNode definition = ((ObjectNode) file.path("definition")).deepCopy();
        definition.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        definition.set("$defs", shared);
        List<String> templates = new ArrayList<>();
        file.path("templates").forEach(template -> templates.add(template.asText()));
        return new ConnectorKind(file.path("kind").asText(), file.path("title").asText(),
                file.path("description").asText(), List.copyOf(templates), definition,
                JsonSchemas.compile(definition));
    }

    private static JsonNode read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return YAML.readTree(in);
        }
    }

    public List<ConnectorKind> all() {
        return List.copyOf(kinds.values());
    }

    public Optional<ConnectorKind> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** What is wrong with a department's connector.yaml for the kind it names; nothing when it is right. */
    public List<JsonSchemas.FieldProblem> check(JsonNode connector) {
        String protocol = connector.path("protocol").asText(null);
        if (protocol == null) {
            return List.of(new JsonSchemas.FieldProblem("protocol", "is required: the connector kind, one of "
                    + kinds.keySet()));
        }
        ConnectorKind kind = kinds.get(protocol);
        if (kind == null) {
            return List.of(new JsonSchemas.FieldProblem("protocol", "'" + protocol + "' is not a connector kind (known: "
                    + String.join(", ", kinds.keySet()) + ")"));
        }
        return JsonSchemas.validate(kind.compiledDefinition(), connector, "");
    }
}
