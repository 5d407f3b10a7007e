package in.gov.sangam.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import in.gov.sangam.catalogue.CatalogueLocations;
import in.gov.sangam.dispatch.ConnectorSettings;
import in.gov.sangam.dispatch.Connectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Simulators of the departments' legacy systems, for the demo and the tests, listening where
 * {@link SimulatedEndpoints} pointed each department's connector. A department's behaviour is in its folder's
 * {@code simulator/}: WireMock mappings (with response templates) for HTTP systems, the batch job's rules for
 * batch-file systems, which get an SFTP server. They speak over real HTTP and SFTP, so the connectors cannot tell
 * them from the real systems. The mappings are read as resources, so they work from the packaged jar and from a
 * department folder kept outside it. Made by {@link SimulatorsConfiguration}.
 */
public class DepartmentSimulators implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentSimulators.class);

    private final Map<String, WireMockServer> servers = new ConcurrentHashMap<>();
    private final Map<String, SftpBatchSimulator> batchDepartments = new ConcurrentHashMap<>();
    private final ResourcePatternResolver resources;
    private final String location;
    private final Path dataDir;

    DepartmentSimulators(Connectors connectors, Environment environment, ResourcePatternResolver resources,
            String catalogueLocation, Path dataDir) {
        this.resources = resources;
        this.location = catalogueLocation;
        this.dataDir = dataDir.toAbsolutePath();
        Map<String, String> simulated = Binder.get(environment).bind(SimulatedEndpoints.SIMULATED,
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        try {
            simulated.forEach((department, endpoint) -> simulate(connectors.settings(department), endpoint));
        } catch (Exception failed) {
            // Nothing started may outlive a start-up that failed: its ports and threads would keep the JVM alive.
            // (Exception, not RuntimeException: WireMock rethrows checked exceptions unchecked.)
            destroy();
            throw failed;
        }
    }

    /**
     * Starts the simulator of a department where {@link SimulatedEndpoints} pointed its connector, unless one runs
     * already: at start-up, and for a folder added while the hub runs.
     */
    void simulate(ConnectorSettings settings, String endpoint) {
        if (!servers.containsKey(settings.department()) && !batchDepartments.containsKey(settings.department())) {
            start(settings, URI.create(endpoint),
                    CatalogueLocations.folderOf(location, settings.department()) + "/simulator",
                    dataDir.resolve("simulators").resolve(settings.department()));
        }
    }

    private void start(ConnectorSettings settings, URI endpoint, String folder, Path workDir) {
        try {
            if ("sftp".equals(endpoint.getScheme())) {
                Resource[] rules = resources.getResources(folder + "/batch-job.yaml");
                if (rules.length == 0) {
                    throw new IllegalStateException("The batch job simulator of " + settings.department()
                            + " needs its rules in " + folder + "/batch-job.yaml");
                }
                SftpBatchSimulator simulator = new SftpBatchSimulator(settings, BatchJobRules.read(rules[0]), workDir,
                        endpoint.getPort());
                batchDepartments.put(settings.department(), simulator);
                LOG.info("Simulator of {} listening on {}", settings.department(), simulator.address());
                return;
            }
            // An empty folder of its own: WireMock would otherwise look for mappings in the working directory.
            Files.createDirectories(workDir);
            WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                    .port(endpoint.getPort())
                    .bindAddress("127.0.0.1")
                    .usingFilesUnderDirectory(workDir.toString())
                    .globalTemplating(true)
                    .maxRequestJournalEntries(10_000));
            servers.put(settings.department(), server);
            server.start();
            for (Resource mapping : resources.getResources(folder + "/mappings/*.json")) {
                server.addStubMapping(StubMapping.buildFrom(mapping.getContentAsString(StandardCharsets.UTF_8)));
            }
            LOG.info("Simulator of {} listening on {}", settings.department(), server.baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator of " + settings.department() + " did not start", e);
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

    /** Whether a batch-file department's simulated batch job runs. */
    public boolean hasBatchJob(String department) {
        return batchDepartments.containsKey(department);
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

    /** Stops each simulator on its own: one that fails to stop (or never started) must not keep another alive. */
    @Override
    public void destroy() {
        for (SftpBatchSimulator simulator : batchDepartments.values()) {
            try {
                simulator.close();
            } catch (Exception e) {
                LOG.warn("An SFTP simulator did not stop cleanly: {}", e.toString());
            }
        }
        for (WireMockServer server : servers.values()) {
            try {
                server.stop();
            } catch (Exception e) { // a server that never started throws a checked exception, unchecked
                LOG.warn("A simulator did not stop cleanly: {}", e.toString());
            }
        }
    }
}
