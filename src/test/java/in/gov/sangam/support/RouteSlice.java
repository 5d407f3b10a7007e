package in.gov.sangam.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.util.FileSystemUtils;

/**
 * What a route test boots instead of the whole hub: Camel (reading the one route file the test names with
 * {@code camel.main.routes-include-pattern}) and an embedded, non-persistent Artemis broker, so that a route's JMS
 * transaction, rollback and redelivery are the broker's own. The beans the route calls are the test's mocks.
 *
 * <p>Deliberately not a {@code @Configuration}: a hub started in a test ({@link HubProcess}) scans the test classes
 * too, and must never find this.
 */
@ImportAutoConfiguration({CamelAutoConfiguration.class, ArtemisAutoConfiguration.class, JmsAutoConfiguration.class})
public class RouteSlice {

    /** An embedded broker of the test's own, without a journal. */
    public static final String BROKER_IN_MEMORY = "spring.artemis.embedded.persistent=false";
    public static final String EMBEDDED_BROKER = "spring.artemis.mode=embedded";

    /** A fresh folder, removed when the test JVM exits. */
    public static Path temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(folder.toFile())));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
