package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.catalogue.CatalogueDepartment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * A department's {@code connector.yaml}, read with its defaults and with its {@code ${NAME:default}} placeholders
 * resolved from the environment (so credentials are named there, never written down).
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
        String submitTemplate,
        String referencePointer,
        String statusPointer,
        String rejectionPointer,
        Map<String, Map<String, String>> codeLists,
        int simulatorPort) {

    /** The endpoint value that means "the hub's own simulator of this department". */
    public static final String SIMULATOR = "simulator";

    public static ConnectorSettings of(CatalogueDepartment department, Environment environment) {
        JsonNode c = department.connector();
        Map<String, Map<String, String>> codeLists = new HashMap<>();
        c.path("codeLists").fields().forEachRemaining(list -> {
            Map<String, String> codes = new HashMap<>();
            list.getValue().fields().forEachRemaining(code -> codes.put(code.getKey(), code.getValue().asText()));
            codeLists.put(list.getKey(), Map.copyOf(codes));
        });
        return new ConnectorSettings(
                department.code(),
                c.path("protocol").asText(),
                resolve(environment, c.path("endpoint").asText(SIMULATOR)),
                resolve(environment, c.path("credentials").path("username").asText(null)),
                resolve(environment, c.path("credentials").path("password").asText(null)),
                duration(c.path("timeouts").path("connect"), "2s"),
                duration(c.path("timeouts").path("response"), "10s"),
                c.path("retry").path("attempts").asInt(3),
                duration(c.path("retry").path("initialDelay"), "500ms"),
                c.path("retry").path("multiplier").asDouble(2),
                duration(c.path("retry").path("maxDelay"), "5s"),
                c.path("circuitBreaker").path("failureRateThreshold").asInt(50),
                c.path("circuitBreaker").path("minimumCalls").asInt(4),
                duration(c.path("circuitBreaker").path("openFor"), "30s"),
                c.path("submit").path("path").asText(null),
                c.path("submit").path("template").asText(null),
                c.path("submit").path("reference").asText(null),
                c.path("submit").path("status").asText(null),
                c.path("submit").path("rejection").asText(null),
                Map.copyOf(codeLists),
                c.path("simulator").path("port").asInt(0));
    }

    public boolean usesSimulator() {
        return SIMULATOR.equals(endpoint);
    }

    private static String resolve(Environment environment, String value) {
        return value == null ? null : environment.resolveRequiredPlaceholders(value);
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m} or {@code 1h}, as the connector schema allows. */
    static Duration duration(JsonNode value, String fallback) {
        String text = value.isTextual() ? value.asText() : fallback;
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
