package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freemarker.template.TemplateException;
import in.gov.sangam.dispatch.RequestTemplates.CanonicalApplication;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code connectors/health/mappings/submit-request.json.ftl}: the hub's application in HMIS's own JSON. */
class HealthMappingTest {

    private static final String TEMPLATE = "mappings/submit-request.json.ftl";
    /** Refuses trailing content: a value that closed its string and added a field would not parse as one object. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static RequestTemplates templates;

    @BeforeAll
    static void camel() {
        templates = new RequestTemplates();
    }

    @AfterAll
    static void stop() {
        templates.close();
    }

    private static JsonNode render(CanonicalApplication application) throws Exception {
        return STRICT.readTree(templates.render("health", TEMPLATE, RequestTemplates.model("health", application)));
    }

    @Test
    void everyFieldIsInHmisTermsAndPlace() throws Exception {
        JsonNode sent = render(CanonicalApplication.valid());

        assertThat(sent.path("hub_ref").asText()).isEqualTo("SGM-2026-0000042");
        assertThat(sent.path("svc").asText()).isEqualTo("revenue-domicile-certificate");
        assertThat(sent.path("applicant").path("full_name").asText()).isEqualTo("Aisha Bhat");
        assertThat(sent.path("applicant").path("mobile_no").asText()).isEqualTo("9876543210");
        assertThat(sent.path("applicant").path("uid_no").asText()).isEqualTo("234123412346");
        assertThat(sent.path("applicant").path("email").asText()).isEqualTo("aisha.bhat@example.com");
        assertThat(sent.path("applicant").path("dist_cd").asText()).isEqualTo("SGR");
        assertThat(sent.path("applicant").path("lang").asText()).isEqualTo("URD");
        // Dates as HMIS writes them, on the Indian calendar.
        assertThat(sent.path("recd_on").asText()).isEqualTo("29-11-2026");
        assertThat(sent.path("due_on").asText()).isEqualTo("14-12-2026");
        assertThat(sent.path("form")).isEqualTo(STRICT.readTree(
                "{\"fatherName\":\"Ghulam Nabi Bhat\",\"residentSinceYear\":1998,\"tehsil\":\"Khanyar\"}"));
        assertThat(fieldNames(sent)).containsExactly("hub_ref", "svc", "applicant", "recd_on", "due_on", "form");
        assertThat(fieldNames(sent.path("applicant")))
                .containsExactly("full_name", "mobile_no", "uid_no", "email", "dist_cd", "lang");
    }

    @Test
    void anAcknowledgementLateInTheUtcDayIsDatedTheNextDayInIndia() throws Exception {
        JsonNode sent = render(CanonicalApplication.valid().withAcknowledgedAt(Instant.parse("2026-11-29T19:00:00Z")));

        assertThat(sent.path("recd_on").asText()).isEqualTo("30-11-2026");
    }

    @Test
    void anApplicantWithoutAadhaarOrEmailIsSentWithNulls() throws Exception {
        JsonNode applicant = render(CanonicalApplication.valid().withAadhaarAndEmail(null, null)).path("applicant");

        assertThat(applicant.path("uid_no").isNull()).isTrue();
        assertThat(applicant.path("email").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ab \"Q\" \\ end", "</script><script>alert(1)</script>", "\", \"hub_ref\": \"forged",
        "tab\there", "line\nbreak", "\u2028\u2029", "${a.applicationId}", "<#assign x = 1>", "आयशा भट", "\\u0022"})
    void aHostileNameArrivesExactlyAsWrittenAndAddsNoField(String name) throws Exception {
        JsonNode sent = render(CanonicalApplication.valid().withName(name));

        assertThat(sent.path("applicant").path("full_name").asText()).isEqualTo(name);
        assertThat(sent.path("hub_ref").asText()).isEqualTo("SGM-2026-0000042");
        assertThat(fieldNames(sent.path("applicant")))
                .containsExactly("full_name", "mobile_no", "uid_no", "email", "dist_cd", "lang");
    }

    @Test
    void aHostileFormValueStaysInsideTheForm() throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("motherName", "\u2028\"}, \"hub_ref\": \"forged\\");
        form.put("\"}, \"svc\": \"x", "key");

        JsonNode sent = render(CanonicalApplication.valid().withForm(form));

        assertThat(sent.path("hub_ref").asText()).isEqualTo("SGM-2026-0000042");
        assertThat(sent.path("svc").asText()).isEqualTo("revenue-domicile-certificate");
        assertThat(sent.path("form").path("motherName").asText()).isEqualTo("\u2028\"}, \"hub_ref\": \"forged\\");
        assertThat(sent.path("form").path("\"}, \"svc\": \"x").asText()).isEqualTo("key");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Srinagar, SGR", "Budgam, BDG", "Ganderbal, GBL", "Baramulla, BRM", "Bandipora, BPR", "Kupwara, KPW",
        "Anantnag, ANT", "Kulgam, KLG", "Pulwama, PLW", "Shopian, SHP", "Jammu, JMU", "Samba, SMB", "Kathua, KTH",
        "Udhampur, UDH", "Reasi, RSI", "Rajouri, RJR", "Poonch, PNC", "Doda, DOD", "Kishtwar, KTW", "Ramban, RMB"})
    void eachDistrictIsSentAsHmisCode(String district, String code) throws Exception {
        assertThat(render(CanonicalApplication.valid().withDistrictAndLanguage(district, "en"))
                .path("applicant").path("dist_cd").asText()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"en, ENG", "hi, HIN", "ur, URD"})
    void eachLanguageIsSentAsHmisCode(String language, String code) throws Exception {
        assertThat(render(CanonicalApplication.valid().withDistrictAndLanguage("Jammu", language))
                .path("applicant").path("lang").asText()).isEqualTo(code);
    }

    @Test
    void theCodeListsCoverEveryDistrictAndLanguageTheContractAccepts() {
        assertThat(RequestTemplates.contractValues("District")).hasSize(20);
        assertThat(RequestTemplates.codeList("health", "district").keySet())
                .containsExactlyInAnyOrderElementsOf(RequestTemplates.contractValues("District"));
        assertThat(RequestTemplates.codeList("health", "language").keySet())
                .containsExactlyInAnyOrderElementsOf(RequestTemplates.contractValues("Language"));
    }

    @Test
    void aDistrictWithoutACodeCannotBeRenderedAndSoBecomesADeadLetter() {
        // The route catches a template error and keeps the application as a dead letter, never sent half-made.
        assertThatThrownBy(() -> render(CanonicalApplication.valid().withDistrictAndLanguage("Leh", "en")))
                .hasRootCauseInstanceOf(TemplateException.class);
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
