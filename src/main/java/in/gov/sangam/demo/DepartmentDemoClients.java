package in.gov.sangam.demo;

import in.gov.sangam.security.DemoClientRegistrations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Gives every department folder a demo client of the embedded authorization server, {@code dept-<department>} with
 * the secret {@code dept-<department>-secret} and the scope {@code department:<department>}, so that a department
 * added as a folder can call the hub back in the demo with no edit elsewhere. Only in the default profile, with the
 * embedded authorization server on; a client configured under the same name keeps its own settings.
 */
public class DepartmentDemoClients implements EnvironmentPostProcessor, Ordered {

    private static final String CLIENTS = "sangam.security.embedded-authorization-server.clients.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("default")) || !environment.getProperty(
                "sangam.security.embedded-authorization-server.enabled", Boolean.class, false)) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String department : DepartmentFolders.connectorFiles(environment).keySet()) {
            String client = DemoClientRegistrations.departmentClientId(department);
            if (environment.getProperty(CLIENTS + client + ".secret") != null) {
                continue;
            }
            properties.put(CLIENTS + client + ".secret", client + "-secret");
            properties.put(CLIENTS + client + ".scopes[0]", DemoClientRegistrations.departmentScope(department));
        }
        environment.getPropertySources().addLast(new MapPropertySource("demo-department-clients", properties));
    }

    /** After the configuration files, profiles included, are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
