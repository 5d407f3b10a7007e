package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.catalogue.CatalogueDepartment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
        String resultFormat) {

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
