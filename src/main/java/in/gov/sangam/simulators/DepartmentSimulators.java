package in.gov.sangam.simulators;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ClasspathFileSource;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.applications.ApplicationStatus;
import in.gov.sangam.dispatch.ConnectorSettings;
import in.gov.sangam.dispatch.Connectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Simulators of the departments' legacy systems, for the demo and the tests, for each department whose connector
 * points at {@code simulator}: a WireMock server serving the mappings in {@code connectors/<department>/simulator/}
 * for HTTP systems, an SFTP server with a batch job for batch-file systems. They speak over real HTTP and SFTP, so
 * the connectors cannot tell them from the real systems.
 */
@Component
@ConditionalOnProperty(name = "sangam.simulators.enabled", havingValue = "true")
public class DepartmentSimulators implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentSimulators.class);

    private final Map<String, WireMockServer> servers = new ConcurrentHashMap<>();
    private final Map<String, SftpBatchSimulator> batchDepartments = new ConcurrentHashMap<>();

    public DepartmentSimulators(Catalogue catalogue, Connectors connectors,
            @Value("${sangam.simulators.any-free-port:false}") boolean anyFreePort,
            @Value("${sangam.data-dir}") Path dataDir) {
        for (CatalogueDepartment department : catalogue.departments()) {
            ConnectorSettings settings = connectors.settings(department.code());
            String folder = "connectors/" + department.code() + "/simulator";
            if (settings.usesSimulator() && "sftp-batch".equals(settings.protocol())) {
                SftpBatchSimulator simulator = new SftpBatchSimulator(settings,
                        department.codeFor(ApplicationStatus.FORWARDED.name()),
                        dataDir.toAbsolutePath().resolve("simulators").resolve(department.code()),
                        anyFreePort ? 0 : settings.simulatorPort());
                batchDepartments.put(department.code(), simulator);
                LOG.info("Simulator of {} listening on {}", department.code(), simulator.address());
            } else if (settings.usesSimulator() && new ClassPathResource(folder + "/mappings").exists()) {
                WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                        .port(anyFreePort ? 0 : settings.simulatorPort())
                        .bindAddress("127.0.0.1")
                        .fileSource(new ClasspathFileSource(folder))
                        .globalTemplating(true)
                        .maxRequestJournalEntries(10_000));
                server.start();
                servers.put(department.code(), server);
                LOG.info("Simulator of {} listening on {}", department.code(), server.baseUrl());
            }
        }
    }

    /** The base URL of a department's simulator, if it has one running. */
    public Optional<String> baseUrl(String department) {
        return Optional.ofNullable(servers.get(department)).map(WireMockServer::baseUrl);
    }

    /** The address of a batch-file department's simulated SFTP server, if it has one running. */
    public Optional<String> sftpAddress(String department) {
        return Optional.ofNullable(batchDepartments.get(department)).map(SftpBatchSimulator::address);
    }

    /** The folders of a batch-file department's simulated SFTP server, for tests that drop files there. */
    public Path sftpRoot(String department) {
        SftpBatchSimulator simulator = batchDepartments.get(department);
        if (simulator == null) {
            throw new IllegalArgumentException("No SFTP simulator runs for " + department);
        }
        return simulator.root();
    }

    /** The running simulator of a department, for tests that make it fail, slow down or look at its journal. */
    public WireMockServer server(String department) {
        WireMockServer server = servers.get(department);
        if (server == null) {
            throw new IllegalArgumentException("No simulator runs for " + department);
        }
        return server;
    }

    @Override
    public void destroy() throws IOException {
        servers.values().forEach(WireMockServer::stop);
        for (SftpBatchSimulator simulator : batchDepartments.values()) {
            simulator.close();
        }
    }
}
