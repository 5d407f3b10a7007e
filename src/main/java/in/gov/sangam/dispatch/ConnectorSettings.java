package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.catalogue.CatalogueDepartment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * A department's {@code connector.yaml}, read with its defaults and with its {@code ${NAME:default}} placeholders
 * resolved from the environment (so credentials are named there, never written down). Any setting can be overridden
 * per environment as {@code sangam.connectors.<department>.<dotted.path>}.
 */
public record ConnectorSettings(
        String department,
        String protocol,
        String endpoint,
        String username,
        String password,
        Duration connectTimeout,
        Duration responseTimeout,
        int retryAttempts,
        Duration retryInitialDelay,
        double retryMultiplier,
        Duration retryMaxDelay,
        int failureRateThreshold,
        int minimumCalls,
        Duration openFor,
        String submitPath,
        String submitSoapAction,
        String submitTemplate,
        String referencePointer,
        String statusPointer,
        String rejectionPointer,
        Map<String, Map<String, String>> codeLists,
        Duration pollEvery,
        int pollBatchSize,
        String pollSoapAction,
        String pollTemplate,
        String batchInbox,
        String batchOutbox,
        String batchTemplate,
        Duration batchPollEvery,
        String pollPath,
        Map<String, String> pollAnswer,
        Map<String, String> resultColumns,
        boolean hostKeyChecking,
        String method,
        String pollMethod,
        List<Integer> refusalCodes,
        List<String> refusalFaultCodes,
        Authentication authentication,
        String resultFormat) {

    /**
     * How the hub proves who it is to the department's system ({@code authentication} in connector.yaml): not at all,
     * HTTP Basic with {@code credentials}, a bearer token from an OAuth2 client-credentials grant, or an API key in a
     * header; and, with any of them, mutual TLS with a keystore. Secrets are named by reference, never written down.
     */
    public record Authentication(String kind, String tokenUrl, String clientId, String clientSecret, String scope,
            String apiKeyHeader, String apiKey, String keystore, String keystorePassword, String truststore,
            String truststorePassword) {

        /** Without the secrets: settings may be logged. */
        @Override
        public String toString() {
            return "Authentication[kind=" + kind + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                    + ", apiKeyHeader=" + apiKeyHeader + ", keystore=" + keystore + ", truststore=" + truststore + "]";
        }
    }

    /** The HTTP answers that mean "the department looked at this request and refuses it", unless it declares its own. */
    public static final List<Integer> DEFAULT_REFUSAL_CODES = List.of(400, 409, 410, 412, 413, 415, 422);

    /**
     * The SOAP faults that mean "the service looked at this request and refuses it", unless it declares its own: the
     * client's fault, as SOAP 1.1 names it (with its refinements, such as {@code Client.Validation}).
     */
    public static final List<String> DEFAULT_REFUSAL_FAULT_CODES = List.of("Client");
    /**
     * A fault code's local name and dotted refinements, as kinds/soap.yaml allows them: checked here too, since an
     * override from the environment does not pass the kind's check and the codes become a regular expression.
     */
    private static final Pattern FAULT_CODE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

    private static List<String> faultCodes(List<String> codes) {
        for (String code : codes) {
            if (!FAULT_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("refusalFaultCodes: '" + code + "' is not a fault code's local "
                        + "name (expected e.g. Client or Server.NoSuchApplicant)");
            }
        }
        return codes;
    }

    public static ConnectorSettings of(CatalogueDepartment department, Environment environment) {
        Settings c = new Settings(department, environment);
        Map<String, Map<String, String>> codeLists = new HashMap<>();
        department.connector().path("codeLists").fields().forEachRemaining(list -> {
            Map<String, String> codes = new HashMap<>();
            list.getValue().fields().forEachRemaining(code -> codes.put(code.getKey(), code.getValue().asText()));
            codeLists.put(list.getKey(), Map.copyOf(codes));
        });
        return new ConnectorSettings(
                department.code(),
                c.text("protocol", null),
                c.text("endpoint", null),
                c.text("credentials.username", null),
                c.text("credentials.password", null),
                c.duration("timeouts.connect", "2s"),
                c.duration("timeouts.response", "10s"),
                Integer.parseInt(c.text("retry.attempts", "3")),
                c.duration("retry.initialDelay", "500ms"),
                Double.parseDouble(c.text("retry.multiplier", "2")),
                c.duration("retry.maxDelay", "5s"),
                Integer.parseInt(c.text("circuitBreaker.failureRateThreshold", "50")),
                Integer.parseInt(c.text("circuitBreaker.minimumCalls", "4")),
                c.duration("circuitBreaker.openFor", "30s"),
                c.text("submit.path", null),
                c.text("submit.soapAction", null),
                c.text("submit.template", null),
                c.text("submit.reference", null),
                c.text("submit.status", null),
                c.text("submit.rejection", null),
                Map.copyOf(codeLists),
                c.text("statusPolling.every", null) == null ? null : c.duration("statusPolling.every", null),
                Integer.parseInt(c.text("statusPolling.batchSize", "50")),
                c.text("statusPolling.soapAction", null),
                c.text("statusPolling.template", null),
                c.text("batch.inbox", null),
                c.text("batch.outbox", null),
                c.text("batch.template", null),
                c.duration("batch.pollEvery", "10s"),
                c.text("statusPolling.path", c.text("submit.path", null)),
                c.map("statusPolling.answer"),
                c.map("batch.resultColumns"),
                !"no".equals(c.text("batch.hostKeyChecking", "yes")),
                c.text("submit.method", "POST"),
                c.text("statusPolling.method", "POST"),
                c.integers("refusalCodes", DEFAULT_REFUSAL_CODES),
                faultCodes(c.texts("refusalFaultCodes", DEFAULT_REFUSAL_FAULT_CODES)),
                new Authentication(
                        c.text("authentication.kind", c.text("credentials.username", null) == null ? "none" : "basic"),
                        c.text("authentication.tokenUrl", null),
                        c.text("authentication.clientId", null),
                        c.text("authentication.clientSecret", null),
                        c.text("authentication.scope", null),
                        c.text("authentication.header", null),
                        c.text("authentication.key", null),
                        c.text("mutualTls.keystore", null),
                        c.text("mutualTls.password", null),
                        c.text("mutualTls.truststore", null),
                        c.text("mutualTls.truststorePassword", null)),
                c.text("batch.resultFormat", "csv"));
    }

    /**
     * Reads a setting of {@code connector.yaml} by its dotted path. The environment may override any of them with
     * {@code sangam.connectors.<department>.<path>} (a test shortening a circuit breaker's pause, an operator
     * lengthening a time-out), and {@code ${NAME:default}} placeholders in the file are resolved.
     */
    private record Settings(CatalogueDepartment department, Environment environment) {

        String text(String path, String fallback) {
            String override = environment.getProperty("sangam.connectors." + department.code() + "." + path);
            if (override != null) {
                return override;
            }
            JsonNode node = department.connector();
            for (String step : path.split("\\.")) {
                node = node.path(step);
            }
            return node.isValueNode() ? environment.resolveRequiredPlaceholders(node.asText()) : fallback;
        }

        /** A section of plain values, as a map; empty when absent. */
        Map<String, String> map(String path) {
            JsonNode node = department.connector();
            for (String step : path.split("\\.")) {
                node = node.path(step);
            }
            Map<String, String> values = new HashMap<>();
            node.fields().forEachRemaining(field -> values.put(field.getKey(), text(path + "." + field.getKey(), null)));
            return Map.copyOf(values);
        }

        /** A list of numbers ({@code [400, 422]}, or {@code 400,422} when overridden in the environment). */
        List<Integer> integers(String path, List<Integer> fallback) {
            List<String> values = texts(path, null);
            return values == null ? fallback : values.stream().map(Integer::valueOf).toList();
        }

        /** A list of values ({@code [Client, Server.Busy]}, or {@code Client,Server.Busy} when overridden). */
        List<String> texts(String path, List<String> fallback) {
            String override = environment.getProperty("sangam.connectors." + department.code() + "." + path);
            if (override != null) {
                return Arrays.stream(override.split(",")).map(String::trim).toList();
            }
            JsonNode node = department.connector().path(path);
            if (!node.isArray()) {
                return fallback;
            }
            List<String> values = new ArrayList<>();
            node.forEach(value -> values.add(value.asText()));
            return List.copyOf(values);
        }

        Duration duration(String path, String fallback) {
            return ConnectorSettings.duration(text(path, fallback));
        }
    }

    /** Without the password: settings may be logged. */
    @Override
    public String toString() {
        return "ConnectorSettings[department=" + department + ", protocol=" + protocol + ", endpoint=" + endpoint
                + ", username=" + username + "]";
    }

    public boolean isSoap() {
        return "soap".equals(protocol);
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m} or {@code 1h}, as the connector schema allows. */
    static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("Not a duration: " + text);
        };
    }
}
