package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.support.HubIntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conformance check ({@link ConnectorConformance}) of every department folder the hub loads, against the
 * simulator in its folder: a folder added is checked without a test written for it. The example of a department
 * kept outside the jar is checked by {@link ExampleFoldersConformanceTest}.
 */
class ConnectorConformanceTest extends HubIntegrationTest {

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResourcePatternResolver resources;

    @Value("${sangam.catalogue.location}")
    String catalogueLocation;

    @TestFactory
    Stream<DynamicNode> everyDepartmentFolderConformsToItsSimulator() {
        assertThat(catalogue.departments()).as("department folders found").isNotEmpty();
        ConnectorConformance conformance = new ConnectorConformance(hub, jdbc, resources, catalogueLocation);
        return catalogue.departments().stream().map(conformance::of);
    }
}
