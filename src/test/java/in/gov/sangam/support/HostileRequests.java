package in.gov.sangam.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.gov.sangam.support.HostileValues.Text;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Hostile requests made from {@code openapi/portal-api.yaml}, whatever it declares today: for every operation, a
 * valid request with one part made hostile at a time. Every parameter and every body field is tried with wrong
 * types, values out of range, huge text, awkward Unicode and injection strings, is left out when required and
 * repeated when in the query; a header is sent under each parameter's name; the body is sent malformed and in other
 * media types; the path in other forms and with methods the contract does not declare.
 */
public final class HostileRequests {

    /** Verifying the audit trail is a POST (it takes the head an operator kept) but changes nothing. */
    private static final Set<String> POSTS_THAT_ONLY_READ = Set.of("verifyAuditTrail");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BASE_PATH = "/api/v1";

    /**
     * One request to send.
     *
     * @param contractMethod the method and {@code contractPath} the concrete path of the operation the request
     *     aims at, whose responses (the default problem among them) its answer must be one of
     * @param scopes the scopes the operation accepts, {@code {department}} filled in; empty if any token does,
     *     null if the operation is public
     * @param asBaseline true if the answer must be what the valid request gets (a header posing as a parameter)
     * @param foreign true if it is to be sent with a token that holds none of {@code scopes}: never to be served
     */
    public record HostileRequest(String operationId, String what, String method, String path, String contractMethod,
            String contractPath, List<String[]> headers, byte[] body, Set<String> scopes, boolean asBaseline,
            boolean foreign) {

        public boolean writes() {
            return !contractMethod.equals("GET") && !POSTS_THAT_ONLY_READ.contains(operationId);
        }
    }

    /** A body field's value and what it tries. */
    private record Value(String label, JsonNode json) {
    }

    private final OpenAPI contract;
    private final Function<String, String> fixtures;
    private final Map<String, JsonNode> freeFormFixtures;

    /**
     * @param fixtures values a valid request needs from the running hub, by parameter or field name (an id that
     *     exists, a fresh idempotency key); null where the contract's example serves
     * @param freeFormFixtures content for fields the contract leaves free-form (a service's form), by field name
     */
    public HostileRequests(String contractLocation, Function<String, String> fixtures,
            Map<String, JsonNode> freeFormFixtures) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        this.contract = new OpenAPIV3Parser().read(contractLocation, null, options);
        this.fixtures = fixtures;
        this.freeFormFixtures = freeFormFixtures;
    }

    /** Every hostile request for every operation. */
    public List<HostileRequest> all() {
        List<HostileRequest> requests = new ArrayList<>();
        contract.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) ->
                requests.addAll(new OperationRequests(template, item, method.name(), operation).all())));
        return requests;
    }

    /** The valid request of each read-only operation, whose answer header variants are compared with. */
    public List<HostileRequest> readBaselines() {
        List<HostileRequest> baselines = new ArrayList<>();
        contract.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (method == PathItem.HttpMethod.GET) {
                OperationRequests requests = new OperationRequests(template, item, method.name(), operation);
                baselines.add(requests.request("valid request", requests.pathValues, requests.requiredQuery(),
                        requests.baseHeaders(), null, false));
            }
        }));
        return baselines;
    }

    /** The requests of one operation: its valid request, and every variant. */
    private final class OperationRequests {

        private final String template;
        private final String method;
        private final Operation operation;
        private final List<Parameter> parameters = new ArrayList<>();
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final Schema<?> bodySchema;
        private final JsonNode body;
        private final Set<String> scopes;
        private final List<HostileRequest> requests = new ArrayList<>();

        OperationRequests(String template, PathItem item, String method, Operation operation) {
            this.template = template;
            this.method = method;
            this.operation = operation;
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                parameters.addAll(operation.getParameters());
            }
            for (Parameter parameter : parameters) {
                if (parameter.getIn().equals("path")) {
                    pathValues.put(parameter.getName(), valid(parameter));
                }
            }
            MediaType json = operation.getRequestBody() == null ? null
                    : operation.getRequestBody().getContent().get("application/json");
            this.bodySchema = json == null ? null : json.getSchema();
            this.body = json == null ? null : validBody(json);
            this.scopes = scopes();
        }

        List<HostileRequest> all() {
            for (Parameter parameter : parameters) {
                parameterVariants(parameter);
            }
            if (bodySchema != null) {
                fieldVariants(new ArrayList<>(), bodySchema);
                bodyVariants();
            }
            pathVariants();
            return requests;
        }

        // ---- parameters -------------------------------------------------------------------------------------

        private void parameterVariants(Parameter parameter) {
            String name = parameter.getName();
            for (Text value : textVariants(parameter.getSchema())) {
                withParameter(parameter, "is " + value.label(), value.value());
            }
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                withParameter(parameter, "is missing", null);
            }
            if (parameter.getIn().equals("query")) {
                Map<String, List<String>> query = new LinkedHashMap<>();
                query.putAll(requiredQuery());
                query.put(name, List.of(valid(parameter), valid(parameter)));
                add(name + " repeated", pathValues, query, baseHeaders(), bodyBytes(body), false);
                query.put(name, List.of(valid(parameter), "-1"));
                add(name + " repeated, once invalid", pathValues, query, baseHeaders(), bodyBytes(body), false);
            }
            if (!parameter.getIn().equals("header")) {
                // A request header named like the parameter must change nothing.
                for (String value : List.of("-1", "abc", "../../etc/passwd", "${jndi:ldap://x/a}")) {
                    List<String[]> headers = baseHeaders();
                    headers.add(new String[] {name, value});
                    add("header " + name + ": " + value, pathValues, requiredQuery(), headers, bodyBytes(body),
                            true);
                }
            }
        }

        /** The valid request with one parameter set to {@code value} (as sent: encoded for a URL), or left out. */
        private void withParameter(Parameter parameter, String what, String value) {
            String name = parameter.getName();
            Map<String, String> path = new LinkedHashMap<>(pathValues);
            Map<String, List<String>> query = requiredQuery();
            List<String[]> headers = baseHeaders();
            switch (parameter.getIn()) {
                case "path" -> path.put(name, value == null ? "" : percentEncoded(value));
                case "query" -> {
                    query.remove(name);
                    if (value != null) {
                        query.put(name, List.of(value));
                    }
                }
                case "header" -> {
                    headers.removeIf(header -> header[0].equalsIgnoreCase(name));
                    if (value != null) {
                        headers.add(new String[] {name, value});
                    }
                }
                default -> {
                    return;
                }
            }
            add(name + " " + what, path, query, headers, bodyBytes(body), false);
        }

        /** The required query parameters with valid values: what a valid request carries in its query. */
        Map<String, List<String>> requiredQuery() {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (Parameter parameter : parameters) {
                if (parameter.getIn().equals("query") && Boolean.TRUE.equals(parameter.getRequired())) {
                    query.put(parameter.getName(), List.of(valid(parameter)));
                }
            }
            return query;
        }

        private String valid(Parameter parameter) {
            String fixture = fixtures.apply(parameter.getName());
            if (fixture != null) {
                return fixture;
            }
            Object example = parameter.getExample() != null ? parameter.getExample() : example(parameter.getSchema());
            return String.valueOf(example);
        }

        /** The valid headers: each required header parameter, with its fixture or example. */
        private List<String[]> baseHeaders() {
            List<String[]> headers = new ArrayList<>();
            for (Parameter parameter : parameters) {
                if (parameter.getIn().equals("header") && Boolean.TRUE.equals(parameter.getRequired())) {
                    headers.add(new String[] {parameter.getName(), valid(parameter)});
                }
            }
            if (body != null) {
                headers.add(new String[] {"Content-Type", "application/json"});
            }
            return headers;
        }

        // ---- body fields ------------------------------------------------------------------------------------

        private void fieldVariants(List<String> at, Schema<?> schema) {
            JsonNode here = at(body, at);
            if (schema.getProperties() != null) {
                Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
                schema.getProperties().forEach((name, property) -> {
                    List<String> field = child(at, name);
                    for (Value value : jsonVariants(property)) {
                        addBody(dotted(field) + " is " + value.label(), with(field, value.json()));
                    }
                    if (required.contains(name)) {
                        addBody(dotted(field) + " is missing", with(field, null));
                    }
                    if (here != null && here.has(name) && here.get(name).isObject()) {
                        fieldVariants(field, property);
                    }
                });
            } else if (here != null && here.isObject()) {
                // A free-form object (a service's form): its fields are what the fixture holds.
                here.fieldNames().forEachRemaining(name -> {
                    List<String> field = child(at, name);
                    for (Value value : jsonVariants(inferred(here.get(name)))) {
                        addBody(dotted(field) + " is " + value.label(), with(field, value.json()));
                    }
                });
            }
            if (here != null && here.isObject()) {
                addBody((at.isEmpty() ? "(body)" : dotted(at)) + " has an unknown field",
                        with(child(at, "unknownField"), NODES.textNode("x")));
                addBody((at.isEmpty() ? "(body)" : dotted(at)) + " has __proto__",
                        with(child(at, "__proto__"), NODES.objectNode().put("admin", true)));
            }
        }

        private void bodyVariants() {
            String valid = new String(bodyBytes(body), StandardCharsets.UTF_8);
            addRaw("body is not JSON", "application/json", valid.substring(0, valid.length() / 2));
            addRaw("body is empty", "application/json", "");
            addRaw("body is JSON null", "application/json", "null");
            addRaw("body is a JSON array", "application/json", "[" + valid + "]");
            addRaw("body is a JSON string", "application/json", "\"" + valid.replace("\"", "\\\"") + "\"");
            addRaw("body nests 10000 deep", "application/json", "[".repeat(10_000) + "]".repeat(10_000));
            addRaw("body has 5000 fields", "application/json", manyFields(5000));
            addRaw("body repeats a field", "application/json",
                    "{\"" + body.fieldNames().next() + "\": \"../../etc/passwd\"," + valid.substring(1));
            addRaw("body starts with a byte order mark", "application/json", "\uFEFF" + valid);
            addRaw("body has a comment", "application/json", "/* hi */" + valid);
            addRaw("body has invalid UTF-8", "application/json", null);
            addRaw("body is text/plain", "text/plain", valid);
            addRaw("body is XML with an external entity", "application/xml",
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
            addRaw("body is a form", "application/x-www-form-urlencoded", "serviceCode=x&a=%00");
            addRaw("body has no content type", null, valid);
            addRaw("body claims charset UTF-7", "application/json; charset=UTF-7", valid);
            addRaw("body claims an unknown charset", "application/json; charset=sangam-9", valid);
        }

        /** The valid body with one field set to {@code value}, or left out if it is null. */
        private JsonNode with(List<String> field, JsonNode value) {
            JsonNode copy = body.deepCopy();
            JsonNode parent = at(copy, field.subList(0, field.size() - 1));
            if (parent instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(field.get(field.size() - 1));
                } else {
                    object.set(field.get(field.size() - 1), value);
                }
            }
            return copy;
        }

        private void addBody(String what, JsonNode changed) {
            add(what, pathValues, requiredQuery(), baseHeaders(), bodyBytes(changed), false);
        }

        private void addRaw(String what, String contentType, String text) {
            List<String[]> headers = baseHeaders();
            headers.removeIf(header -> header[0].equals("Content-Type"));
            if (contentType != null) {
                headers.add(new String[] {"Content-Type", contentType});
            }
            byte[] bytes = text != null ? text.getBytes(StandardCharsets.UTF_8)
                    : new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            add(what, pathValues, requiredQuery(), headers, bytes, false);
        }

        private JsonNode validBody(MediaType media) {
            JsonNode valid = media.getExample() != null ? JSON.valueToTree(media.getExample())
                    : JSON.valueToTree(example(media.getSchema()));
            fillFixtures(valid);
            return valid;
        }

        /** Puts the running hub's values (a real id, a real form) into the contract's example. */
        private void fillFixtures(JsonNode node) {
            if (!(node instanceof ObjectNode object)) {
                return;
            }
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode free = freeFormFixtures.get(name);
                String fixture = fixtures.apply(name);
                if (free != null) {
                    object.set(name, free.deepCopy());
                } else if (fixture != null) {
                    object.put(name, fixture);
                } else {
                    fillFixtures(object.get(name));
                }
            }
        }

        // ---- the path and the method ------------------------------------------------------------------------

        /**
         * The path in other forms and with other methods; and, for an operation that needs a scope, each form with a
         * token lacking it, which must be refused whatever form the path takes.
         */
        private void pathVariants() {
            String path = BASE_PATH + fill(template, pathValues);
            byte[] bytes = bodyBytes(body);
            Map<String, String> forms = new LinkedHashMap<>();
            forms.put("path as the contract writes it", path);
            forms.put("path with a trailing slash", path + "/");
            forms.put("path with a double slash", path.replaceFirst("/v1/", "/v1//"));
            forms.put("path with a matrix parameter", path + ";jsessionid=1");
            forms.put("path in upper case", path.toUpperCase(Locale.ROOT));
            forms.put("path climbing out with ..", BASE_PATH + "/../v1" + fill(template, pathValues));
            forms.put("path climbing out with %2e%2e", BASE_PATH + "/%2e%2e/v1" + fill(template, pathValues));
            forms.put("path with a NUL", path + "%00");
            forms.forEach((what, form) -> {
                if (!form.equals(path)) {
                    addPath(what, method, form, bytes, false);
                }
                if (scopes != null) {
                    addPath(what + ", with a token lacking the operation's scope", method, form, bytes, true);
                }
            });
            for (String other : List.of("PUT", "DELETE", "PATCH", "TRACE")) {
                addPath("method " + other, other, path, bytes, false);
            }
        }

        private void addPath(String what, String requestMethod, String path, byte[] bytes, boolean foreign) {
            requests.add(new HostileRequest(operation.getOperationId(), what, requestMethod, path, method,
                    BASE_PATH + fill(template, pathValues), baseHeaders(), bytes, scopes, false, foreign));
        }

        // ---- building requests ------------------------------------------------------------------------------

        private void add(String what, Map<String, String> path, Map<String, List<String>> query,
                List<String[]> headers, byte[] bytes, boolean asBaseline) {
            requests.add(request(what, path, query, headers, bytes, asBaseline));
        }

        HostileRequest request(String what, Map<String, String> path, Map<String, List<String>> query,
                List<String[]> headers, byte[] bytes, boolean asBaseline) {
            StringBuilder uri = new StringBuilder(BASE_PATH + fill(template, path));
            char separator = '?';
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                for (String value : parameter.getValue()) {
                    uri.append(separator).append(percentEncoded(parameter.getKey())).append('=')
                            .append(percentEncoded(value));
                    separator = '&';
                }
            }
            return new HostileRequest(operation.getOperationId(), what, method, uri.toString(), method,
                    BASE_PATH + fill(template, pathValues), headers, bytes, scopes, asBaseline, false);
        }

        private Set<String> scopes() {
            List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                    : contract.getSecurity();
            if (security == null || security.isEmpty()) {
                return null;
            }
            Set<String> accepted = new LinkedHashSet<>();
            for (SecurityRequirement requirement : security) {
                requirement.values().forEach(list -> list.forEach(scope -> accepted.add(fill(scope, pathValues))));
            }
            return accepted;
        }
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /** Hostile values for a parameter, as text: what a URL or a header can carry. */
    private static List<Text> textVariants(Schema<?> schema) {
        List<Text> values = new ArrayList<>();
        String type = schema.getType();
        if ("integer".equals(type) || "number".equals(type)) {
            for (String wrong : List.of("abc", "1.5", "", "true", "0x10", "1e3", " 1", "\uFF11", "NaN")) {
                values.add(new Text("the wrong type (" + wrong + ")", wrong));
            }
            for (BigDecimal outside : outOfRange(schema)) {
                values.add(new Text("out of range (" + outside.toPlainString() + ")", outside.toPlainString()));
            }
        } else {
            values.add(new Text("empty", ""));
        }
        for (Value value : lengthAndEnumVariants(schema)) {
            values.add(new Text(value.label(), value.json().asText()));
        }
        values.add(HostileValues.HUGE);
        values.addAll(HostileValues.UNICODE);
        values.addAll(HostileValues.INJECTIONS);
        return values;
    }

    /** Hostile values for a body field, as JSON. */
    private static List<Value> jsonVariants(Schema<?> schema) {
        List<Value> values = new ArrayList<>();
        String type = schema.getType() == null ? "object" : schema.getType();
        switch (type) {
            case "string" -> {
                values.add(new Value("a number", NODES.numberNode(12345)));
                values.add(new Value("a boolean", NODES.booleanNode(true)));
                values.add(new Value("an object", NODES.objectNode().put("a", 1)));
                values.add(new Value("an array", NODES.arrayNode().add("a")));
                values.add(new Value("null", NODES.nullNode()));
                if (schema.getFormat() != null) {
                    values.add(new Value("not a " + schema.getFormat(), NODES.textNode("2026-13-45T99:99:99Z@")));
                }
            }
            case "integer", "number" -> {
                values.add(new Value("a numeric string", NODES.textNode("12")));
                values.add(new Value("a fraction", NODES.numberNode(new BigDecimal("1.5"))));
                values.add(new Value("a boolean", NODES.booleanNode(true)));
                values.add(new Value("null", NODES.nullNode()));
                values.add(new Value("an object", NODES.objectNode()));
                values.add(new Value("a huge number", NODES.numberNode(new BigInteger("1" + "0".repeat(400)))));
                for (BigDecimal outside : outOfRange(schema)) {
                    values.add(new Value("out of range (" + outside.toPlainString() + ")", NODES.numberNode(outside)));
                }
            }
            case "boolean" -> {
                values.add(new Value("a string", NODES.textNode("true")));
                values.add(new Value("a number", NODES.numberNode(1)));
                values.add(new Value("null", NODES.nullNode()));
            }
            default -> {
                values.add(new Value("a string", NODES.textNode("x")));
                values.add(new Value("an array", NODES.arrayNode().add(1)));
                values.add(new Value("a number", NODES.numberNode(1)));
                values.add(new Value("null", NODES.nullNode()));
            }
        }
        values.addAll(lengthAndEnumVariants(schema));
        values.add(new Value(HostileValues.HUGE.label(), NODES.textNode(HostileValues.HUGE.value())));
        for (Text text : HostileValues.UNICODE) {
            values.add(new Value(text.label(), NODES.textNode(text.value())));
        }
        for (Text text : HostileValues.INJECTIONS) {
            values.add(new Value(text.label(), NODES.textNode(text.value())));
        }
        return values;
    }

    private static List<Value> lengthAndEnumVariants(Schema<?> schema) {
        List<Value> values = new ArrayList<>();
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            values.add(new Value("too short", NODES.textNode("a".repeat(schema.getMinLength() - 1))));
        }
        if (schema.getMaxLength() != null) {
            values.add(new Value("too long", NODES.textNode("a".repeat(schema.getMaxLength() + 1))));
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            String first = String.valueOf(schema.getEnum().get(0));
            values.add(new Value("not in the enum", NODES.textNode("NOT_" + first)));
            values.add(new Value("an enum value in another case", NODES.textNode(otherCase(first))));
        }
        return values;
    }

    private static List<BigDecimal> outOfRange(Schema<?> schema) {
        List<BigDecimal> values = new ArrayList<>();
        if (schema.getMinimum() != null) {
            values.add(schema.getMinimum().subtract(BigDecimal.ONE));
        }
        if (schema.getMaximum() != null) {
            values.add(schema.getMaximum().add(BigDecimal.ONE));
        }
        values.add(BigDecimal.valueOf(Integer.MAX_VALUE).add(BigDecimal.ONE));
        values.add(BigDecimal.valueOf(Integer.MIN_VALUE).subtract(BigDecimal.ONE));
        values.add(new BigDecimal(Long.MAX_VALUE).multiply(BigDecimal.TEN));
        return values;
    }

    /** The schema a free-form field's value has. */
    private static Schema<?> inferred(JsonNode value) {
        Schema<Object> schema = new Schema<>();
        schema.setType(value.isTextual() ? "string" : value.isIntegralNumber() ? "integer"
                : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object");
        return schema;
    }

    /** A valid value for a schema: its example, default or first enum value, else one made from its type. */
    private static Object example(Schema<?> schema) {
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getDefault() != null) {
            return schema.getDefault();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        String type = schema.getType() == null ? "object" : schema.getType();
        return switch (type) {
            case "integer", "number" -> schema.getMinimum() != null ? schema.getMinimum() : BigDecimal.ONE;
            case "boolean" -> true;
            case "string" -> "x".repeat(Math.max(1, schema.getMinLength() == null ? 1 : schema.getMinLength()));
            case "array" -> List.of();
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((name, property) -> object.put(name, example(property)));
                }
                yield object;
            }
        };
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static byte[] bodyBytes(JsonNode json) {
        if (json == null) {
            return null;
        }
        try {
            // A lone surrogate cannot be written as UTF-8: it goes as the JSON escape \ud800, as a client would.
            boolean escape = hasLoneSurrogate(json.toString());
            return (escape ? JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII) : JSON.writer())
                    .writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode at(JsonNode node, List<String> field) {
        JsonNode here = node;
        for (String name : field) {
            if (here == null || !here.has(name)) {
                return null;
            }
            here = here.get(name);
        }
        return here;
    }

    private static List<String> child(List<String> at, String name) {
        List<String> field = new ArrayList<>(at);
        field.add(name);
        return field;
    }

    private static String dotted(List<String> field) {
        return String.join(".", field);
    }

    private static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private static String manyFields(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    private static String otherCase(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals(text) ? text.toUpperCase(Locale.ROOT) : lower;
    }

    /**
     * Percent-encodes everything but RFC 3986's unreserved characters. A lone surrogate, which UTF-8 cannot encode,
     * is written as the three bytes a careless encoder makes of it (WTF-8), so the hub meets invalid UTF-8.
     */
    static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)),
                        (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }
}
