package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.util.List;

/**
 * A kind of connector ({@code kinds/<kind>.yaml}), described as a Kamelet describes itself: what it does, the hub's
 * route templates it is made of, and the definition of a department's {@code connector.yaml} for it, every parameter
 * with its type, default, examples and description.
 *
 * @param definition the JSON Schema of a connector.yaml of this kind, with the shared {@code $defs} of
 *     {@code kinds/common.yaml} in it
 */
public record ConnectorKind(String name, String title, String description, List<String> templates,
        JsonNode definition, JsonSchema compiledDefinition) {
}
