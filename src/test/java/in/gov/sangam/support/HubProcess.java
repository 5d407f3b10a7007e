package in.gov.sangam.support;

import in.gov.sangam.SangamApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole hub started and stopped by a test, so that it can be restarted on the same data directory. */
public final class HubProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private HubProcess(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static HubProcess start(Path dataDir, String... properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("sangam.data-dir", dataDir.toString());
        settings.put("sangam.demo.auto-progress", "false");
        // The test's own settings win (a test may turn the demo's progress back on).
        for (String property : properties) {
            int equals = property.indexOf('=');
            settings.put(property.substring(0, equals), property.substring(equals + 1));
        }
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new HubProcess(new SpringApplicationBuilder(SangamApplication.class).run(args.toArray(String[]::new)));
    }

    public HubClient client() {
        return new HubClient(port());
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /**
     * Settings that point another node's connectors at this node's simulated departments, for a second node that
     * runs no simulators of its own: both nodes then talk to the same departments, as in production.
     */
    public String[] sameDepartments() {
        List<String> settings = new ArrayList<>(List.of("sangam.simulators.enabled=false"));
        for (String department : List.of("revenue", "health", "education")) {
            String endpoint = context.getEnvironment().getRequiredProperty("sangam.connectors." + department
                    + ".endpoint");
            settings.add("sangam.connectors." + department + ".endpoint=" + endpoint);
            // And the secret the simulators take (the first node's demo gave it, as nobody set one).
            settings.add("sangam.connectors." + department + ".credentials.password="
                    + context.getEnvironment().getProperty("SANGAM_" + department.toUpperCase() + "_PASSWORD",
                            "simulator-only"));
        }
        settings.add("sangam.connectors.education.batch.hostKeyChecking=no");
        return settings.toArray(String[]::new);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
