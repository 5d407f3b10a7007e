package in.gov.sangam.api;

import com.atlassian.oai.validator.model.ApiOperationMatch;
import in.gov.sangam.api.model.FieldError;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Message;

/**
 * The contract's validator reads parameters more leniently than the routes do: it parses numbers as JSON, which
 * skips white space, while Camel's conversion to Integer does not ({@code ?page=%201}), and a request the contract
 * had accepted failed in the route with a 500. So once the contract has accepted a request, a number must also be
 * written in plain digits, or the request is refused naming it. (Path parameters need no decoding here: a path
 * with a percent-escape never reaches a route, see {@code security.CanonicalPathFilter}.)
 */
final class RouteParameters {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private RouteParameters() {
    }

    /** The query and path parameters of the matched operation, path-wide ones too, $refs resolved. */
    static List<Parameter> of(OpenAPI spec, ApiOperationMatch match) {
        List<Parameter> parameters = new ArrayList<>();
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return parameters;
        }
        PathItem item = spec.getPaths().get(match.getApiOperation().getApiPath().original());
        List<Parameter> declared = new ArrayList<>();
        if (item != null && item.getParameters() != null) {
            declared.addAll(item.getParameters());
        }
        Operation operation = match.getApiOperation().getOperation();
        if (operation.getParameters() != null) {
            declared.addAll(operation.getParameters());
        }
        for (Parameter parameter : declared) {
            Parameter resolved = parameter.get$ref() == null ? parameter
                    : spec.getComponents().getParameters().get(simpleName(parameter.get$ref()));
            if (resolved != null && ("path".equals(resolved.getIn()) || "query".equals(resolved.getIn()))) {
                if (resolved.getSchema() != null && resolved.getSchema().get$ref() != null) {
                    Schema<?> schema = spec.getComponents().getSchemas().get(simpleName(resolved.getSchema().get$ref()));
                    resolved = new Parameter().name(resolved.getName()).in(resolved.getIn()).schema(schema);
                }
                parameters.add(resolved);
            }
        }
        return parameters;
    }

    /** The query and path parameters (resolved, no $ref) not written as the route reads them. */
    static List<FieldError> misread(List<Parameter> parameters, Message message) {
        List<FieldError> errors = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Schema<?> schema = parameter.getSchema();
            String type = schema == null ? null : schema.getType();
            Pattern digits = "integer".equals(type) ? INTEGER : "number".equals(type) ? NUMBER : null;
            String text = message.getHeader(parameter.getName(), String.class);
            if (digits == null || text == null) {
                continue;
            }
            if (!digits.matcher(text).matches()) {
                errors.add(ProblemException.field(parameter.getName(), "must be " + ("integer".equals(type)
                        ? "an integer" : "a number") + " written in plain digits (found \"" + text + "\")"));
            }
        }
        return errors;
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
