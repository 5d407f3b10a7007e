package in.gov.sangam.demo;

import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.dispatch.ConnectorSettings;
import in.gov.sangam.dispatch.DepartmentsReloading;
import in.gov.sangam.security.DemoClientRegistrations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * A department folder added while the hub runs is simulated as those found at start-up are: when the catalogue is
 * reloaded, its connector is pointed at a simulator of its own ({@link SimulatedEndpoints}), which is started before
 * the connector, and it gets its demo client {@code dept-<department>} ({@link DepartmentDemoClients}). Default profile
 * only, under the same switches as at start-up.
 */
@Component
@Profile("default")
class SimulatedReloadedDepartments implements DepartmentsReloading {

    private final ConfigurableEnvironment environment;
    private final ObjectProvider<DepartmentSimulators> simulators;
    private final ObjectProvider<RegisteredClientRepository> clients;

    SimulatedReloadedDepartments(ConfigurableEnvironment environment, ObjectProvider<DepartmentSimulators> simulators,
            ObjectProvider<RegisteredClientRepository> clients) {
        this.environment = environment;
        this.simulators = simulators;
        this.clients = clients;
    }

    @Override
    public void resolving(List<CatalogueDepartment> departments) {
        if (simulators.getIfAvailable() != null) {
            Map<String, Resource> connectorFiles = DepartmentFolders.connectorFiles(environment);
            Map<String, Object> added = new LinkedHashMap<>();
            for (CatalogueDepartment department : departments) {
                Resource connectorFile = connectorFiles.get(department.code());
                if (connectorFile != null && simulatedEndpoint(department.code()) == null) {
                    added.putAll(SimulatedEndpoints.simulate(environment, department.code(), connectorFile));
                }
            }
            addDemoProperties(added);
        }
        clients.ifAvailable(repository -> departments.forEach(department -> {
            String clientId = DemoClientRegistrations.departmentClientId(department.code());
            if (repository.findByClientId(clientId) == null) {
                repository.save(DemoClientRegistrations.clientCredentials(clientId, clientId + "-secret",
                        List.of(DemoClientRegistrations.departmentScope(department.code()))));
            }
        }));
    }

    @Override
    public void resolved(Map<String, ConnectorSettings> settings) {
        simulators.ifAvailable(running -> settings.values().forEach(connector -> {
            String endpoint = simulatedEndpoint(connector.department());
            if (endpoint != null) {
                running.simulate(connector, endpoint);
            }
        }));
    }

    private String simulatedEndpoint(String department) {
        return environment.getProperty(SimulatedEndpoints.SIMULATED + "." + department);
    }

    /** Into the demo's own property source, replaced whole, so that a reader never sees it half written. */
    private void addDemoProperties(Map<String, Object> added) {
        if (added.isEmpty()) {
            return;
        }
        MutablePropertySources sources = environment.getPropertySources();
        Map<String, Object> properties = new LinkedHashMap<>();
        if (sources.get(SimulatedEndpoints.PROPERTY_SOURCE) instanceof MapPropertySource demo) {
            properties.putAll(demo.getSource());
        }
        properties.putAll(added);
        MapPropertySource replacement = new MapPropertySource(SimulatedEndpoints.PROPERTY_SOURCE, properties);
        if (sources.contains(SimulatedEndpoints.PROPERTY_SOURCE)) {
            sources.replace(SimulatedEndpoints.PROPERTY_SOURCE, replacement);
        } else {
            sources.addLast(replacement);
        }
    }
}
