package in.gov.sangam.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueLoader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * Renders a department's request templates ({@code connectors/<dept>/mappings/*.ftl}) as its connector route does:
 * through Camel's FreeMarker component, from the model {@link Dispatcher#prepare} makes (the canonical application,
 * the department's code lists from its shipped folder, dates in the state's time zone). No Spring, no broker.
 */
final class RequestTemplates implements AutoCloseable {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, CatalogueDepartment> DEPARTMENTS = new CatalogueLoader()
            .load("classpath*:connectors").stream()
            .collect(Collectors.toMap(CatalogueDepartment::code, department -> department));

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate producer;

    RequestTemplates() {
        camel.start();
        producer = camel.createProducerTemplate();
    }

    /** The department's template rendered from {@code model}, as the text the department is sent. */
    String render(String department, String template, Map<String, Object> model) {
        return producer.requestBody("freemarker:connectors/" + department + "/" + template, model, String.class);
    }

    /** What the dispatcher hands a department's template: the application, the department's codes, its dates. */
    static Map<String, Object> model(String department, CanonicalApplication application) {
        ConnectorSettings settings = ConnectorSettings.of(DEPARTMENTS.get(department), new MockEnvironment()
                .withProperty("sangam.connectors." + department + ".endpoint", "https://unused.example.gov.in")
                .withProperty("sangam.connectors." + department + ".credentials.password", "unused"));
        Map<String, Object> model = new HashMap<>();
        model.put("application", application.asMap());
        model.put("codes", settings.codeLists());
        model.put("dates", new Dispatcher.Dates(IST));
        return model;
    }

    /** The department's code list {@code list} from its shipped folder: the hub's value and the department's code. */
    static Map<String, String> codeList(String department, String list) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> codes = (Map<String, Map<String, String>>) model(department,
                CanonicalApplication.valid()).get("codes");
        return codes.getOrDefault(list, Map.of());
    }

    /** The values the portal contract accepts for one of its enumerations ({@code District}, {@code Language}). */
    static java.util.List<String> contractValues(String schema) {
        try (java.io.InputStream contract = RequestTemplates.class.getClassLoader()
                .getResourceAsStream("openapi/portal-api.yaml")) {
            JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(contract)
                    .path("components").path("schemas").path(schema).path("enum");
            java.util.List<String> found = new java.util.ArrayList<>();
            values.forEach(value -> found.add(value.asText()));
            return found;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A status query's model: the department's references of the applications asked about. */
    static Map<String, Object> statusQuery(String... caseNumbers) {
        return Map.of("caseNumbers", java.util.List.of(caseNumbers));
    }

    @Override
    public void close() {
        camel.stop();
    }

    /**
     * The canonical application, shaped as {@code Dispatcher.canonical} shapes it: a valid application by default,
     * each part replaceable.
     */
    record CanonicalApplication(String applicationId, String serviceCode, Instant acknowledgedAt, Instant dueBy,
            String name, String mobile10, String aadhaar, String email, String district, String language,
            Map<String, Object> form) {

        static CanonicalApplication valid() {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("fatherName", "Ghulam Nabi Bhat");
            form.put("residentSinceYear", 1998);
            form.put("tehsil", "Khanyar");
            return new CanonicalApplication("SGM-2026-0000042", "revenue-domicile-certificate",
                    Instant.parse("2026-11-29T04:45:30Z"), Instant.parse("2026-12-14T04:45:30Z"), "Aisha Bhat",
                    "9876543210", "234123412346", "aisha.bhat@example.com", "Srinagar", "ur", form);
        }

        CanonicalApplication withName(String value) {
            return new CanonicalApplication(applicationId, serviceCode, acknowledgedAt, dueBy, value, mobile10,
                    aadhaar, email, district, language, form);
        }

        CanonicalApplication withAadhaarAndEmail(String newAadhaar, String newEmail) {
            return new CanonicalApplication(applicationId, serviceCode, acknowledgedAt, dueBy, name, mobile10,
                    newAadhaar, newEmail, district, language, form);
        }

        CanonicalApplication withDistrictAndLanguage(String newDistrict, String newLanguage) {
            return new CanonicalApplication(applicationId, serviceCode, acknowledgedAt, dueBy, name, mobile10,
                    aadhaar, email, newDistrict, newLanguage, form);
        }

        CanonicalApplication withAcknowledgedAt(Instant at) {
            return new CanonicalApplication(applicationId, serviceCode, at, dueBy, name, mobile10, aadhaar, email,
                    district, language, form);
        }

        CanonicalApplication withForm(Map<String, Object> newForm) {
            return new CanonicalApplication(applicationId, serviceCode, acknowledgedAt, dueBy, name, mobile10,
                    aadhaar, email, district, language, newForm);
        }

        Map<String, Object> asMap() {
            Map<String, Object> applicant = new HashMap<>();
            applicant.put("name", name);
            applicant.put("mobile10", mobile10);
            applicant.put("aadhaar", aadhaar);
            applicant.put("email", email);
            applicant.put("district", district);
            applicant.put("language", language);
            Map<String, Object> application = new HashMap<>();
            application.put("applicationId", applicationId);
            application.put("serviceCode", serviceCode);
            application.put("acknowledgedAt", acknowledgedAt);
            application.put("dueBy", dueBy);
            application.put("applicant", applicant);
            application.put("form", form);
            try {
                application.put("formJson", JSON.writeValueAsString(form));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            return application;
        }
    }
}
