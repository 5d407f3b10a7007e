package in.gov.sangam.demo;

import in.gov.sangam.catalogue.CatalogueLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The department folders the hub loads ({@code sangam.catalogue.location}), read before the application context
 * exists: the demo derives its settings from them, so adding a folder needs no edit anywhere else.
 */
final class DepartmentFolders {

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    private DepartmentFolders() {
    }

    /** Where the folders are: one location, or several separated by commas. */
    static String location(Environment environment) {
        return environment.getProperty("sangam.catalogue.location", "classpath*:connectors");
    }

    /** Each department's code (its folder's name) and its {@code connector.yaml}, from every location. */
    static Map<String, Resource> connectorFiles(Environment environment) {
        Map<String, Resource> folders = new LinkedHashMap<>();
        for (String root : CatalogueLocations.roots(location(environment))) {
            try {
                for (Resource connectorFile : RESOURCES.getResources(root + "/*/connector.yaml")) {
                    folders.putIfAbsent(folderName(connectorFile), connectorFile);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The demo could not read the department folders at " + root, e);
            }
        }
        return folders;
    }

    /** Whether the department's folder holds a simulator of its system. */
    static boolean hasSimulator(Environment environment, String department) {
        String folder = CatalogueLocations.folderOf(location(environment), department);
        try {
            return RESOURCES.getResources(folder + "/simulator/**").length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("The demo could not read the simulator folder of " + department, e);
        }
    }

    private static String folderName(Resource connectorFile) throws IOException {
        String path = connectorFile.getURL().toString();
        String folder = path.substring(0, path.lastIndexOf('/'));
        return folder.substring(folder.lastIndexOf('/') + 1);
    }
}
