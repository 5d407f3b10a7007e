package in.gov.sangam.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The hub's routes are named one by one in {@code application.yaml} (a wildcard costs every start-up a scan of the
 * whole jar), so a route file added to {@code routes/} and not listed would silently never run.
 */
class RoutesListedTest {

    @Test
    void everyRouteFileIsListedAndEveryListedFileExists() throws IOException {
        List<String> files;
        try (Stream<Path> found = Files.list(Path.of("routes"))) {
            files = found.map(file -> "classpath:routes/" + file.getFileName()).sorted().toList();
        }

        assertThat(files).isNotEmpty();
        assertThat(listedRoutes()).containsExactlyInAnyOrderElementsOf(files);
    }

    @SuppressWarnings("unchecked")
    private static List<String> listedRoutes() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
            Map<String, Object> settings = new Yaml().load(in);
            Map<String, Object> camel = (Map<String, Object>) settings.get("camel");
            Map<String, Object> main = (Map<String, Object>) camel.get("main");
            // Not trimmed: Camel does not trim either, and " classpath:..." is a scheme it cannot find.
            return Arrays.asList(((String) main.get("routes-include-pattern")).split(","));
        }
    }
}
