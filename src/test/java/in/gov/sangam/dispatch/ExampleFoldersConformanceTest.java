package in.gov.sangam.dispatch;

import in.gov.sangam.support.Folders;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The conformance check run over the example department ({@code examples/transport}), a folder kept outside the jar:
 * its simulator must take a sample application of each service, its own status codes must be normalised, and the
 * refusal its {@code simulator/conformance.yaml} describes must become a dead letter.
 */
// As ExampleDepartmentTest: the location is a property of the test, the folder copied before the hub starts. The
// example is the only folder there: the shipped ones are checked by ConnectorConformanceTest. Its status poll is put
// off: the check reports a status in the department's codes itself, and a poll that delivered the application first
// would make that report an illegal step.
@TestPropertySource(properties = {
        "sangam.catalogue.location=file:${sangam.test.conformance-folders}/",
        "sangam.connectors.transport.statusPolling.every=1h"})
class ExampleFoldersConformanceTest extends ConnectorConformanceTest {

    private static final Path FOLDERS = newDataDir().resolve("connectors");

    static {
        Folders.copy(Path.of("examples/transport"), FOLDERS.resolve("transport"));
        System.setProperty("sangam.test.conformance-folders", FOLDERS.toString());
    }

    @DynamicPropertySource
    static void hubOfItsOwn(DynamicPropertyRegistry registry) {
        ownHub(registry);
    }
}
