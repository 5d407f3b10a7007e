package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import in.gov.sangam.catalogue.FieldPaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * JSON Schema (draft 2020-12) compilation and validation, with failures turned into {@link FieldProblem}s whose field
 * is a dotted path ({@code applicant.mobile}, {@code items[2].code}) that a person can read.
 */
public final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();

    private JsonSchemas() {
    }

    /** One field that broke a schema. */
    public record FieldProblem(String field, String message) {
    }

    public static JsonSchema compile(JsonNode schema) {
        return FACTORY.getSchema(schema, CONFIG);
    }

    public static JsonSchema compileClasspath(String resource) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + resource), CONFIG);
    }

    public static JsonSchema metaSchema() {
        return FACTORY.getSchema(SchemaLocation.of(SpecVersion.VersionFlag.V202012.getId()), CONFIG);
    }

    /**
     * Validates {@code instance} and names each problem by its path below {@code prefix}.
     *
     * @param prefix the dotted path the instance sits at in a larger document ({@code formData}), or empty
     */
    public static List<FieldProblem> validate(JsonSchema schema, JsonNode instance, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(instance)) {
            String pointer = message.getInstanceLocation().toString();
            if ("required".equals(message.getType()) || "dependentRequired".equals(message.getType())) {
                pointer = pointer + "/" + message.getProperty();
                problems.add(new FieldProblem(FieldPaths.below(prefix, pointer), "is required"));
            } else if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
                pointer = pointer + "/" + message.getProperty();
                problems.add(new FieldProblem(FieldPaths.below(prefix, pointer), "is not a known field"));
            } else {
                problems.add(new FieldProblem(FieldPaths.below(prefix, pointer), readable(message)));
            }
        }
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return problems;
    }

    /** The validator's message without the location it starts with, which the field already says. */
    private static String readable(ValidationMessage message) {
        String text = message.getError() != null ? message.getError() : message.getMessage();
        String location = message.getInstanceLocation().toString();
        if (text.startsWith(location + ": ")) {
            text = text.substring(location.length() + 2);
        } else if (text.startsWith(": ")) {
            text = text.substring(2);
        }
        return text;
    }
}
