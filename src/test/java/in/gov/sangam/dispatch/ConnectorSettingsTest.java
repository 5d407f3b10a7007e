package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueLoader;
import in.gov.sangam.catalogue.ConnectorKinds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A department's connector settings as its shipped folder gives them, with the defaults of what it leaves out, its
 * credentials named by environment variable, and any setting overridden as {@code sangam.connectors.<dept>.<path>}.
 */
class ConnectorSettingsTest {

    private static final Map<String, CatalogueDepartment> DEPARTMENTS = new CatalogueLoader()
            .load("classpath*:connectors").stream()
            .collect(Collectors.toMap(CatalogueDepartment::code, department -> department));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The environment of a node that has its departments' addresses and credentials, and nothing else. */
    private static MockEnvironment environment() {
        return new MockEnvironment()
                .withProperty("SANGAM_REVENUE_URL", "https://revenue.example.gov.in")
                .withProperty("SANGAM_HEALTH_URL", "https://hmis.example.gov.in")
                .withProperty("SANGAM_EDUCATION_SFTP", "sftp://board.example.gov.in:22")
                .withProperty("SANGAM_REVENUE_PASSWORD", "revenue-secret")
                .withProperty("SANGAM_HEALTH_PASSWORD", "health-secret")
                .withProperty("SANGAM_EDUCATION_PASSWORD", "education-secret");
    }

    private static ConnectorSettings settings(String department, MockEnvironment environment) {
        return ConnectorSettings.of(DEPARTMENTS.get(department), environment);
    }

    private static Arguments row(String department, String setting, Function<ConnectorSettings, Object> read,
            Object expected) {
        return Arguments.of(department, setting, read, expected);
    }

    static Stream<Arguments> shippedFolders() {
        return Stream.of(
                row("health", "protocol", ConnectorSettings::protocol, "rest"),
                row("health", "credentials.username", ConnectorSettings::username, "sangam-hub"),
                row("health", "credentials.password", ConnectorSettings::password, "health-secret"),
                row("health", "timeouts.connect", ConnectorSettings::connectTimeout, Duration.ofSeconds(2)),
                row("health", "timeouts.response", ConnectorSettings::responseTimeout, Duration.ofSeconds(10)),
                row("health", "retry.attempts", ConnectorSettings::retryAttempts, 3),
                row("health", "retry.initialDelay", ConnectorSettings::retryInitialDelay, Duration.ofMillis(500)),
                row("health", "retry.multiplier", ConnectorSettings::retryMultiplier, 2.0),
                row("health", "retry.maxDelay", ConnectorSettings::retryMaxDelay, Duration.ofSeconds(5)),
                row("health", "circuitBreaker.failureRateThreshold", ConnectorSettings::failureRateThreshold, 50),
                row("health", "circuitBreaker.minimumCalls", ConnectorSettings::minimumCalls, 4),
                row("health", "circuitBreaker.openFor", ConnectorSettings::openFor, Duration.ofSeconds(30)),
                row("health", "submit.path", ConnectorSettings::submitPath, "/hmis/api/v2/registrations"),
                row("health", "submit.soapAction", ConnectorSettings::submitSoapAction, null),
                row("health", "submit.template", ConnectorSettings::submitTemplate, "mappings/submit-request.json.ftl"),
                row("health", "submit.reference", ConnectorSettings::referencePointer, "$.ack_no"),
                row("health", "submit.status", ConnectorSettings::statusPointer, "$.status_cd"),
                row("health", "submit.rejection", ConnectorSettings::rejectionPointer, "$.err_msg"),
                row("health", "codeLists.district.Anantnag", s -> s.codeLists().get("district").get("Anantnag"), "ANT"),
                row("health", "codeLists.language.ur", s -> s.codeLists().get("language").get("ur"), "URD"),
                row("health", "statusPolling.every", ConnectorSettings::pollEvery, null),
                row("health", "batch.template", ConnectorSettings::batchTemplate, null),
                row("health", "soap", ConnectorSettings::isSoap, false),
                row("revenue", "protocol", ConnectorSettings::protocol, "soap"),
                row("revenue", "soap", ConnectorSettings::isSoap, true),
                row("revenue", "timeouts.response", ConnectorSettings::responseTimeout, Duration.ofSeconds(15)),
                row("revenue", "retry.initialDelay", ConnectorSettings::retryInitialDelay, Duration.ofSeconds(1)),
                row("revenue", "retry.maxDelay", ConnectorSettings::retryMaxDelay, Duration.ofSeconds(8)),
                row("revenue", "submit.soapAction", ConnectorSettings::submitSoapAction,
                        "urn:jk:revenue:applications:v1:SubmitApplication"),
                row("revenue", "submit.reference", ConnectorSettings::referencePointer,
                        "//*[local-name()='SubmitApplicationResponse']/*[local-name()='caseNumber']"),
                row("revenue", "submit.rejection", ConnectorSettings::rejectionPointer, null),
                row("revenue", "refusalFaultCodes", ConnectorSettings::refusalFaultCodes, List.of("Client")),
                row("revenue", "statusPolling.every", ConnectorSettings::pollEvery, Duration.ofSeconds(30)),
                row("revenue", "statusPolling.batchSize", ConnectorSettings::pollBatchSize, 50),
                row("revenue", "statusPolling.soapAction", ConnectorSettings::pollSoapAction,
                        "urn:jk:revenue:applications:v1:GetApplicationStatus"),
                row("revenue", "statusPolling.template", ConnectorSettings::pollTemplate,
                        "mappings/status-request.xml.ftl"),
                row("revenue", "statusPolling.path", ConnectorSettings::pollPath, "/revenue/services/ApplicationService"),
                row("revenue", "statusPolling.answer.status", s -> s.pollAnswer().get("status"),
                        "*[local-name()='statusCode']"),
                row("revenue", "codeLists.district.Ramban", s -> s.codeLists().get("district").get("Ramban"), "0210"),
                row("revenue", "codeLists.language", s -> s.codeLists().containsKey("language"), false),
                row("education", "protocol", ConnectorSettings::protocol, "sftp-batch"),
                row("education", "timeouts.connect", ConnectorSettings::connectTimeout, Duration.ofSeconds(5)),
                row("education", "circuitBreaker.openFor", ConnectorSettings::openFor, Duration.ofSeconds(60)),
                row("education", "batch.inbox", ConnectorSettings::batchInbox, "inbox"),
                row("education", "batch.outbox", ConnectorSettings::batchOutbox, "outbox"),
                row("education", "batch.template", ConnectorSettings::batchTemplate, "mappings/request.csv.ftl"),
                row("education", "batch.pollEvery", ConnectorSettings::batchPollEvery, Duration.ofSeconds(10)),
                row("education", "batch.resultColumns", ConnectorSettings::resultColumns, Map.of(
                        "applicationId", "hub_ref", "reference", "board_ref", "status", "status",
                        "remark", "remark", "reason", "reason")),
                row("education", "batch.hostKeyChecking", ConnectorSettings::hostKeyChecking, true),
                // A department that does not poll falls back to its submit path, which it has none of either.
                row("education", "statusPolling.path", ConnectorSettings::pollPath, null),
                row("education", "submit.path", ConnectorSettings::submitPath, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shippedFolders")
    void aSettingIsReadFromTheDepartmentsFolder(String department, String setting,
            Function<ConnectorSettings, Object> read, Object expected) {
        assertThat(read.apply(settings(department, environment()))).isEqualTo(expected);
    }

    static Stream<Arguments> overrides() {
        return Stream.of(
                row("health", "timeouts.response=45s", ConnectorSettings::responseTimeout, Duration.ofSeconds(45)),
                row("health", "timeouts.connect=250ms", ConnectorSettings::connectTimeout, Duration.ofMillis(250)),
                row("health", "retry.attempts=1", ConnectorSettings::retryAttempts, 1),
                row("health", "retry.multiplier=1.5", ConnectorSettings::retryMultiplier, 1.5),
                row("health", "circuitBreaker.openFor=2s", ConnectorSettings::openFor, Duration.ofSeconds(2)),
                row("health", "circuitBreaker.minimumCalls=10", ConnectorSettings::minimumCalls, 10),
                row("health", "endpoint=https://hmis.example.gov.in", ConnectorSettings::endpoint,
                        "https://hmis.example.gov.in"),
                row("health", "credentials.username=hub-node-2", ConnectorSettings::username, "hub-node-2"),
                row("health", "credentials.password=from-a-vault", ConnectorSettings::password, "from-a-vault"),
                row("health", "submit.path=/hmis/api/v3/registrations", ConnectorSettings::submitPath,
                        "/hmis/api/v3/registrations"),
                row("revenue", "statusPolling.every=300ms", ConnectorSettings::pollEvery, Duration.ofMillis(300)),
                row("revenue", "statusPolling.batchSize=5", ConnectorSettings::pollBatchSize, 5),
                row("revenue", "refusalFaultCodes=Client, Server.NoSuchApplicant", ConnectorSettings::refusalFaultCodes,
                        List.of("Client", "Server.NoSuchApplicant")),
                row("revenue", "statusPolling.answer.status=*[local-name()='state']", s -> s.pollAnswer().get("status"),
                        "*[local-name()='state']"),
                // Revenue names its own poll path: moving the submit path leaves the poll path where it is.
                row("revenue", "submit.path=/elsewhere", ConnectorSettings::pollPath,
                        "/revenue/services/ApplicationService"),
                row("education", "batch.pollEvery=2m", ConnectorSettings::batchPollEvery, Duration.ofMinutes(2)),
                row("education", "batch.pollEvery=1h", ConnectorSettings::batchPollEvery, Duration.ofHours(1)),
                row("education", "batch.hostKeyChecking=no", ConnectorSettings::hostKeyChecking, false),
                row("education", "batch.resultColumns.status=state", s -> s.resultColumns().get("status"), "state"),
                row("education", "batch.inbox=requests/in", ConnectorSettings::batchInbox, "requests/in"));
    }

    @ParameterizedTest(name = "sangam.connectors.{0}.{1}")
    @MethodSource("overrides")
    void anyPathOfTheFolderCanBeOverriddenForOneDepartment(String department, String override,
            Function<ConnectorSettings, Object> read, Object expected) {
        String[] nameAndValue = override.split("=", 2);
        MockEnvironment environment = environment()
                .withProperty("sangam.connectors." + department + "." + nameAndValue[0], nameAndValue[1]);

        assertThat(read.apply(settings(department, environment))).isEqualTo(expected);
        // The same setting of another department is left as its folder says.
        String other = department.equals("health") ? "revenue" : "health";
        assertThat(settings(other, environment)).isEqualTo(settings(other, environment()));
    }

    @Test
    void credentialsAndEndpointsComeFromTheVariablesTheFolderNames() {
        MockEnvironment environment = environment()
                .withProperty("SANGAM_HEALTH_URL", "https://hmis.prod.example.gov.in")
                .withProperty("SANGAM_HEALTH_USER", "sangam-prod");

        ConnectorSettings health = settings("health", environment);

        assertThat(health.endpoint()).isEqualTo("https://hmis.prod.example.gov.in");
        assertThat(health.username()).isEqualTo("sangam-prod");
        assertThat(health.password()).isEqualTo("health-secret");
    }

    @Test
    void aPasswordWhoseVariableIsNotSetStopsTheConnectorInsteadOfSendingADefault() {
        MockEnvironment withoutPassword = new MockEnvironment()
                .withProperty("SANGAM_HEALTH_URL", "https://hmis.example.gov.in");

        assertThatThrownBy(() -> settings("health", withoutPassword))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SANGAM_HEALTH_PASSWORD");
        // Named in the node's settings instead, it is found there.
        assertThat(settings("health", withoutPassword.withProperty("sangam.connectors.health.credentials.password",
                "from-settings")).password()).isEqualTo("from-settings");
    }

    @Test
    void anEndpointWhoseVariableIsNotSetStopsTheConnector() {
        MockEnvironment noHealthUrl = new MockEnvironment().withProperty("SANGAM_HEALTH_PASSWORD", "health-secret");

        assertThatThrownBy(() -> settings("health", noHealthUrl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SANGAM_HEALTH_URL");
        // There is no simulator to fall back on outside the demo: the address must be given.
        assertThat(settings("health", noHealthUrl.withProperty("sangam.connectors.health.endpoint",
                "https://hmis.example.gov.in")).endpoint()).isEqualTo("https://hmis.example.gov.in");
    }

    @ParameterizedTest
    @ValueSource(strings = {".*", "Client,,Server", "Client|Server", "Server's"})
    void aFaultCodeOverriddenFromTheEnvironmentIsCheckedAsTheKindChecksTheFolder(String codes) {
        MockEnvironment overridden = environment().withProperty("sangam.connectors.revenue.refusalFaultCodes", codes);

        assertThatThrownBy(() -> settings("revenue", overridden))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a fault code's local name");
    }

    @Test
    void theDefaultsTheConnectorKindsDeclareAreTheOnesTheHubUses() throws Exception {
        CatalogueDepartment bare = new CatalogueDepartment("transport", "Transport", List.of(), Map.of(),
                YAML.readTree("protocol: rest\n"));
        ConnectorSettings transport = ConnectorSettings.of(bare, new MockEnvironment());
        JsonNode shared = ConnectorKinds.shipped().kind("rest").orElseThrow().definition().path("$defs");
        Map<String, Object> used = Map.of(
                "timeouts.connect", transport.connectTimeout(), "timeouts.response", transport.responseTimeout(),
                "retry.attempts", transport.retryAttempts(), "retry.initialDelay", transport.retryInitialDelay(),
                "retry.multiplier", transport.retryMultiplier(), "retry.maxDelay", transport.retryMaxDelay(),
                "circuitBreaker.failureRateThreshold", transport.failureRateThreshold(),
                "circuitBreaker.minimumCalls", transport.minimumCalls(), "circuitBreaker.openFor", transport.openFor());

        used.forEach((parameter, value) -> {
            String[] path = parameter.split("\\.");
            JsonNode declared = shared.path(path[0]).path("properties").path(path[1]).path("default");
            Object expected = declared.isTextual() ? ConnectorSettings.duration(declared.asText())
                    : declared.isInt() && !(value instanceof Double) ? (Object) declared.asInt() : declared.asDouble();
            assertThat(value).as(parameter).isEqualTo(expected);
        });
        assertThat(transport.refusalCodes()).containsExactlyElementsOf(
                YAML.convertValue(shared.path("refusalCodes").path("default"), new TypeReference<List<Integer>>() { }));
        JsonNode soap = ConnectorKinds.shipped().kind("soap").orElseThrow().definition().path("properties");
        assertThat(transport.refusalFaultCodes()).containsExactlyElementsOf(YAML.convertValue(
                soap.path("refusalFaultCodes").path("default"), new TypeReference<List<String>>() { }));
    }

    @Test
    void whatAFolderLeavesOutHasItsDefault() throws Exception {
        CatalogueDepartment bare = new CatalogueDepartment("transport", "Transport", List.of(), Map.of(),
                YAML.readTree("protocol: rest\n"));

        ConnectorSettings transport = ConnectorSettings.of(bare, new MockEnvironment());

        assertThat(transport.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(transport.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(transport.retryAttempts()).isEqualTo(3);
        assertThat(transport.retryInitialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(transport.retryMultiplier()).isEqualTo(2.0);
        assertThat(transport.retryMaxDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(transport.failureRateThreshold()).isEqualTo(50);
        assertThat(transport.minimumCalls()).isEqualTo(4);
        assertThat(transport.openFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(transport.pollEvery()).isNull();
        assertThat(transport.pollBatchSize()).isEqualTo(50);
        assertThat(transport.batchPollEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(transport.codeLists()).isEmpty();
        assertThat(transport.pollAnswer()).isEmpty();
        assertThat(transport.resultColumns()).isEmpty();
        assertThat(transport.hostKeyChecking()).isTrue();
        assertThat(transport.method()).isEqualTo("POST");
        assertThat(transport.pollMethod()).isEqualTo("POST");
        assertThat(transport.refusalCodes()).containsExactly(400, 409, 410, 412, 413, 415, 422);
        assertThat(transport.refusalFaultCodes()).containsExactly("Client");
        assertThat(transport.authentication().kind()).isEqualTo("none");
        assertThat(transport.username()).isNull();
    }

    @Test
    void thePasswordIsNeverInTheSettingsText() {
        assertThat(settings("health", environment()).toString()).contains("health", "rest", "sangam-hub")
                .doesNotContain("health-secret");
    }

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms, 500", "0ms, 0", "10s, 10000", "2m, 120000", "1h, 3600000"})
    void durationsAreWrittenWithTheirUnit(String text, long millis) {
        assertThat(ConnectorSettings.duration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource({"3d", "10", "s", "ten seconds"})
    void aDurationWithoutAKnownUnitIsRefused(String text) {
        assertThatThrownBy(() -> ConnectorSettings.duration(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
