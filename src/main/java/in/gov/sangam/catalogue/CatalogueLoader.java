package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private static final ConnectorKinds CONNECTOR_KINDS = ConnectorKinds.shipped();
    private static final JsonSchema META_SCHEMA = JsonSchemas.metaSchema();
    private static final Configuration FREEMARKER = new Configuration(Configuration.VERSION_2_3_32);

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /**
     * @param locations where the department folders are, as one Spring resource location or several separated by
     *     commas, such as {@code classpath*:connectors} or {@code classpath*:connectors,file:/etc/sangam/departments}
     */
    public List<CatalogueDepartment> load(String locations) {
        List<String> problems = new ArrayList<>();
        List<CatalogueDepartment> departments = new ArrayList<>();
        Map<String, String> serviceFiles = new HashMap<>();
        Map<String, String> folders = new HashMap<>();
        for (String root : CatalogueLocations.roots(locations)) {
            // classpath*: finds what is there in every jar; any other location must itself be there, or a mistyped
            // folder would quietly leave its departments out.
            if (!root.startsWith("classpath*:") && !resolver.getResource(root + "/").exists()) {
                problems.add(root + ": does not exist (expected a folder of department folders)");
                continue;
            }
            try {
                for (Resource departmentFile : resolver.getResources(root + "/*/department.yaml")) {
                    String folder = folderName(departmentFile);
                    String earlier = folders.putIfAbsent(folder, root);
                    if (earlier != null) {
                        problems.add(CatalogueLocations.nameOf(root, folder, "department.yaml") + ": the department "
                                + "is also in " + earlier + " (a department's folder must be in one location only)");
                        continue;
                    }
                    CatalogueDepartment department = loadDepartment(departmentFile, root, folder, serviceFiles,
                            problems);
                    if (department != null) {
                        departments.add(department);
                    }
                }
            } catch (IOException e) {
                problems.add(root + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        if (departments.isEmpty() && problems.isEmpty()) {
            problems.add(locations + ": no department folders found (expected <department>/department.yaml below it)");
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        departments.sort(Comparator.comparing(CatalogueDepartment::code));
        return departments;
    }

    private CatalogueDepartment loadDepartment(Resource departmentFile, String root, String folder,
            Map<String, String> serviceFiles, List<String> problems) throws IOException {
        String departmentName = CatalogueLocations.nameOf(root, folder, "department.yaml");
        String servicesName = CatalogueLocations.nameOf(root, folder, "services.yaml");
        String connectorName = CatalogueLocations.nameOf(root, folder, "connector.yaml");
        int before = problems.size();

        YamlFile departmentYaml = read(departmentFile, departmentName, problems);
        JsonNode department = departmentYaml == null ? null : departmentYaml.content();
        if (department != null) {
            report(departmentYaml, JsonSchemas.validate(DEPARTMENT_FILE, department, ""), problems);
            if (department.path("code").isTextual() && !folder.equals(department.path("code").asText())) {
                problems.add(departmentYaml.at("code") + ": must equal the folder's name '" + folder + "' (found '"
                        + department.path("code").asText() + "')");
            }
        }
        Resource servicesFile = departmentFile.createRelative("services.yaml");
        YamlFile servicesYaml = servicesFile.exists() ? read(servicesFile, servicesName, problems) : null;
        JsonNode services = servicesYaml == null ? null : servicesYaml.content();
        if (!servicesFile.exists()) {
            problems.add(servicesName + ": is missing (every department folder lists its services there)");
        }
        if (services != null) {
            report(servicesYaml, JsonSchemas.validate(SERVICES_FILE, services, ""), problems);
        }
        Resource connectorFile = departmentFile.createRelative("connector.yaml");
        YamlFile connectorYaml = connectorFile.exists() ? read(connectorFile, connectorName, problems) : null;
        JsonNode connector = connectorYaml == null ? null : connectorYaml.content();
        if (!connectorFile.exists()) {
            problems.add(connectorName + ": is missing (every department folder says how its system is reached)");
        }
        if (connector != null) {
            report(connectorYaml, CONNECTOR_KINDS.check(connector), problems);
            for (String section : new String[] {"submit", "statusPolling", "batch"}) {
                String template = connector.path(section).path("template").asText(null);
                if (template == null) {
                    continue;
                }
                Resource templateFile = departmentFile.createRelative(template);
                if (!templateFile.exists()) {
                    problems.add(connectorYaml.at(section + ".template") + ": names "
                            + CatalogueLocations.nameOf(root, folder, template) + ", which does not exist");
                } else {
                    checkTemplate(templateFile, CatalogueLocations.nameOf(root, folder, template), problems);
                }
            }
        }
        if (problems.size() > before || department == null || services == null || connector == null) {
            return null;
        }

        Map<String, OfficeContact> contacts = contacts(department.path("contacts"));
        Set<String> titlesWithoutContact = new HashSet<>();
        List<CatalogueService> entries = new ArrayList<>();
        JsonNode list = services.path("services");
        for (int i = 0; i < list.size(); i++) {
            CatalogueService entry = toService(list.get(i), folder, servicesYaml, "services[" + i + "]", problems);
            if (entry == null) {
                continue;
            }
            requireContacts(entry, contacts, servicesYaml, "services[" + i + "]", departmentName,
                    titlesWithoutContact, problems);
            String earlier = serviceFiles.putIfAbsent(entry.code(), servicesName);
            if (earlier != null) {
                problems.add(servicesYaml.at("services[" + i + "].code") + ": must be unique across departments ('"
                        + entry.code() + "' is also in " + earlier + ")");
            } else {
                entries.add(entry);
            }
        }
        Map<String, String> statusCodes = new HashMap<>();
        connector.path("statusCodes").fields().forEachRemaining(
                code -> statusCodes.put(code.getKey().toUpperCase(Locale.ROOT), code.getValue().asText()));
        return new CatalogueDepartment(folder, department.path("name").asText(), List.copyOf(entries),
                Map.copyOf(statusCodes), connector, contacts);
    }

    /** The contacts as department.yaml gives them (already checked against its schema). */
    private static Map<String, OfficeContact> contacts(JsonNode contacts) {
        Map<String, OfficeContact> byTitle = new HashMap<>();
        contacts.fields().forEachRemaining(title -> byTitle.put(title.getKey(), contact(title.getValue())));
        return byTitle;
    }

    private static OfficeContact contact(JsonNode node) {
        Map<String, OfficeContact> districts = new HashMap<>();
        node.path("districts").fields().forEachRemaining(
                district -> districts.put(district.getKey(), contact(district.getValue())));
        return new OfficeContact(node.path("email").asText(), node.path("mobile").asText(null), districts);
    }

    /**
     * Every officer and authority a service names must be reachable, or its warning and appeals would reach nobody;
     * a title is named once, where it is first used.
     */
    private static void requireContacts(CatalogueService service, Map<String, OfficeContact> contacts, YamlFile file,
            String where, String departmentFile, Set<String> reported, List<String> problems) {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("designatedOfficer", service.designatedOfficer());
        titles.put("firstAppellateAuthority", service.firstAppellateAuthority());
        titles.put("secondAppellateAuthority", service.secondAppellateAuthority());
        titles.forEach((field, title) -> {
            if (!contacts.containsKey(title) && reported.add(title)) {
                problems.add(file.at(where + "." + field) + ": names '" + title + "', who has no contact in "
                        + departmentFile + " (expected contacts: {\"" + title + "\": {email: ..., mobile: ...}}, "
                        + "the e-mail address the hub sends the PSGA notices to)");
            }
        });
    }

    private CatalogueService toService(JsonNode node, String department, YamlFile file, String where,
            List<String> problems) {
        JsonNode formSchema = node.path("formSchema");
        int before = problems.size();
        for (JsonSchemas.FieldProblem p : JsonSchemas.validate(META_SCHEMA, formSchema, "")) {
            problems.add(file.at(where + ".formSchema." + p.field()) + ": " + p.message()
                    + " (expected a valid JSON Schema, draft 2020-12)");
        }
        for (JsonNode required : formSchema.path("required")) {
            if (!formSchema.path("properties").has(required.asText())) {
                problems.add(file.at(where + ".formSchema.required") + ": names '" + required.asText()
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
            problems.add(file.at(where + ".formSchema.properties." + p.field() + ".examples[0]") + ": " + p.message()
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
                node.path("feedbackEnabled").asBoolean(false),
                node.path("autoAppealEnabled").asBoolean(false),
                node.path("designatedOfficer").asText(),
                node.path("firstAppellateAuthority").asText(),
                node.path("secondAppellateAuthority").asText(),
                formSchema,
                compiled);
    }

    /**
     * A department folder's file as read, with where each of its fields is written.
     *
     * @param name the file as a person finds it ({@code connectors/health/connector.yaml})
     */
    private record YamlFile(String name, JsonNode content, YamlLines lines) {

        /** The file, the line and the field, as a compiler names a mistake: {@code connector.yaml:12: submit.path}. */
        String at(String field) {
            return name + ":" + lines.lineOf(field) + ": " + field;
        }
    }

    private static YamlFile read(Resource file, String name, List<String> problems) {
        try (InputStream in = file.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode node = YAML.readTree(text);
            if (node == null || node.isMissingNode() || !node.isObject()) {
                problems.add(name + ": must be a YAML mapping (found " + (node == null || node.isMissingNode()
                        ? "an empty file" : node.getNodeType()) + ")");
                return null;
            }
            return new YamlFile(name, node, YamlLines.of(text));
        } catch (IOException e) {
            problems.add(name + ": is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        }
    }

    private static void report(YamlFile file, List<JsonSchemas.FieldProblem> found, List<String> problems) {
        found.forEach(p -> problems.add(file.at(p.field()) + ": " + p.message()));
    }

    /**
     * A request template FreeMarker cannot read is named now, with its line, rather than when each application of the
     * department would become a dead letter.
     */
    private static void checkTemplate(Resource file, String name, List<String> problems) throws IOException {
        try (Reader text = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            new Template(name, text, FREEMARKER);
        } catch (ParseException mistake) {
            problems.add(name + ":" + mistake.getLineNumber() + ": " + mistake.getEditorMessage()
                    .lines().findFirst().orElse("") + " (expected a FreeMarker template)");
        }
    }

    private static String folderName(Resource departmentFile) throws IOException {
        String uri = departmentFile.getURI().toString();
        String withoutFile = uri.substring(0, uri.lastIndexOf('/'));
        return withoutFile.substring(withoutFile.lastIndexOf('/') + 1);
    }
}
