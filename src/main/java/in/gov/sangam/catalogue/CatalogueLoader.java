package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the department folders ({@code <location>/<department>/department.yaml} and {@code services.yaml}) and checks
 * every one of them, collecting all mistakes before failing, each naming the file, the field and what was expected.
 */
public class CatalogueLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema DEPARTMENT_FILE = JsonSchemas.compileClasspath("catalogue/department.schema.json");
    private static final JsonSchema SERVICES_FILE = JsonSchemas.compileClasspath("catalogue/services.schema.json");
    private static final JsonSchema CONNECTOR_FILE = JsonSchemas.compileClasspath("catalogue/connector.schema.json");
    private static final JsonSchema META_SCHEMA = JsonSchemas.metaSchema();

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /**
     * @param location where the department folders are, as a Spring resource location such as
     *     {@code classpath*:connectors} or {@code file:/etc/sangam/connectors}
     */
    public List<CatalogueDepartment> load(String location) {
        String root = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        List<String> problems = new ArrayList<>();
        List<CatalogueDepartment> departments = new ArrayList<>();
        Map<String, String> serviceFiles = new HashMap<>();
        try {
            Resource[] departmentFiles = resolver.getResources(root + "/*/department.yaml");
            for (Resource departmentFile : departmentFiles) {
                CatalogueDepartment department = loadDepartment(departmentFile, serviceFiles, problems);
                if (department != null) {
                    departments.add(department);
                }
            }
        } catch (IOException e) {
            problems.add(root + ": cannot be read (" + e.getMessage() + ")");
        }
        if (departments.isEmpty() && problems.isEmpty()) {
            problems.add(root + ": no department folders found (expected <department>/department.yaml below it)");
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        departments.sort(Comparator.comparing(CatalogueDepartment::code));
        return departments;
    }

    private CatalogueDepartment loadDepartment(Resource departmentFile, Map<String, String> serviceFiles,
            List<String> problems) throws IOException {
        String folder = folderName(departmentFile);
        String departmentName = "connectors/" + folder + "/department.yaml";
        String servicesName = "connectors/" + folder + "/services.yaml";
        String connectorName = "connectors/" + folder + "/connector.yaml";
        int before = problems.size();

        JsonNode department = read(departmentFile, departmentName, problems);
        if (department != null) {
            report(departmentName, JsonSchemas.validate(DEPARTMENT_FILE, department, ""), problems);
            if (department.path("code").isTextual() && !folder.equals(department.path("code").asText())) {
                problems.add(departmentName + ": code: must equal the folder's name '" + folder + "' (found '"
                        + department.path("code").asText() + "')");
            }
        }
        Resource servicesFile = departmentFile.createRelative("services.yaml");
        JsonNode services = servicesFile.exists() ? read(servicesFile, servicesName, problems) : null;
        if (!servicesFile.exists()) {
            problems.add(servicesName + ": is missing (every department folder lists its services there)");
        }
        if (services != null) {
            report(servicesName, JsonSchemas.validate(SERVICES_FILE, services, ""), problems);
        }
        Resource connectorFile = departmentFile.createRelative("connector.yaml");
        JsonNode connector = connectorFile.exists() ? read(connectorFile, connectorName, problems) : null;
        if (!connectorFile.exists()) {
            problems.add(connectorName + ": is missing (every department folder says how its system is reached)");
        }
        if (connector != null) {
            report(connectorName, JsonSchemas.validate(CONNECTOR_FILE, connector, ""), problems);
            for (String section : new String[] {"submit", "statusPolling", "batch"}) {
                String template = connector.path(section).path("template").asText(null);
                if (template != null && !departmentFile.createRelative(template).exists()) {
                    problems.add(connectorName + ": " + section + ".template: names connectors/" + folder + "/"
                            + template + ", which does not exist");
                }
            }
        }
        if (problems.size() > before || department == null || services == null || connector == null) {
            return null;
        }

        List<CatalogueService> entries = new ArrayList<>();
        JsonNode list = services.path("services");
        for (int i = 0; i < list.size(); i++) {
            CatalogueService entry = toService(list.get(i), folder, servicesName + ": services[" + i + "]", problems);
            if (entry == null) {
                continue;
            }
            String earlier = serviceFiles.putIfAbsent(entry.code(), servicesName);
            if (earlier != null) {
                problems.add(servicesName + ": services[" + i + "].code: must be unique across departments ('"
                        + entry.code() + "' is also in " + earlier + ")");
            } else {
                entries.add(entry);
            }
        }
        Map<String, String> statusCodes = new HashMap<>();
        connector.path("statusCodes").fields().forEachRemaining(
                code -> statusCodes.put(code.getKey().toUpperCase(Locale.ROOT), code.getValue().asText()));
        return new CatalogueDepartment(folder, department.path("name").asText(), List.copyOf(entries),
                Map.copyOf(statusCodes), connector);
    }

    private CatalogueService toService(JsonNode node, String department, String where, List<String> problems) {
        JsonNode formSchema = node.path("formSchema");
        int before = problems.size();
        for (JsonSchemas.FieldProblem p : JsonSchemas.validate(META_SCHEMA, formSchema, "")) {
            problems.add(where + ".formSchema." + p.field() + ": " + p.message()
                    + " (expected a valid JSON Schema, draft 2020-12)");
        }
        for (JsonNode required : formSchema.path("required")) {
            if (!formSchema.path("properties").has(required.asText())) {
                problems.add(where + ".formSchema.required: names '" + required.asText()
                        + "', which is not one of formSchema.properties");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        JsonSchema compiled = JsonSchemas.compile(formSchema);
        ObjectNode exampleForm = YAML.createObjectNode();
        formSchema.path("properties").fields().forEachRemaining(
                field -> exampleForm.set(field.getKey(), field.getValue().path("examples").path(0)));
        for (JsonSchemas.FieldProblem p : JsonSchemas.validate(compiled, exampleForm, "")) {
            problems.add(where + ".formSchema.properties." + p.field() + ".examples[0]: " + p.message()
                    + " (each field's first example must satisfy the form's own schema)");
        }
        if (problems.size() > before) {
            return null;
        }
        return new CatalogueService(
                node.path("code").asText(),
                node.path("name").asText(),
                department,
                node.path("description").asText(),
                node.path("timelineDays").asInt(),
                TimelineBasis.valueOf(node.path("timelineBasis").asText()),
                node.path("designatedOfficer").asText(),
                node.path("firstAppellateAuthority").asText(),
                node.path("secondAppellateAuthority").asText(),
                formSchema,
                compiled);
    }

    private static JsonNode read(Resource file, String name, List<String> problems) {
        try (InputStream in = file.getInputStream()) {
            JsonNode node = YAML.readTree(in);
            if (node == null || !node.isObject()) {
                problems.add(name + ": must be a YAML mapping (found " + (node == null ? "an empty file" : node.getNodeType())
                        + ")");
                return null;
            }
            return node;
        } catch (IOException e) {
            problems.add(name + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        }
    }

    private static void report(String file, List<JsonSchemas.FieldProblem> found, List<String> problems) {
        found.forEach(p -> problems.add(file + ": " + p.field() + ": " + p.message()));
    }

    private static String folderName(Resource departmentFile) throws IOException {
        String uri = departmentFile.getURI().toString();
        String withoutFile = uri.substring(0, uri.lastIndexOf('/'));
        return withoutFile.substring(withoutFile.lastIndexOf('/') + 1);
    }
}
