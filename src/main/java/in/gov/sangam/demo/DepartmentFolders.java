package in.gov.sangam.demo;

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

    /** Where the folders are, without a trailing slash. */
    static String location(Environment environment) {
        return environment.getProperty("sangam.catalogue.location", "classpath*:connectors").replaceAll("/+$", "");
    }

    /** Each department's code (its folder's name) and its {@code connector.yaml}. */
    static Map<String, Resource> connectorFiles(Environment environment) {
        String location = location(environment);
        Map<String, Resource> folders = new LinkedHashMap<>();
        try {
            for (Resource connectorFile : RESOURCES.getResources(location + "/*/connector.yaml")) {
                folders.put(folderName(connectorFile), connectorFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The demo could not read the department folders at " + location, e);
        }
        return folders;
    }

    /** Whether the department's folder holds a simulator of its system. */
    static boolean hasSimulator(Environment environment, String department) {
        try {
            return RESOURCES.getResources(location(environment) + "/" + department + "/simulator/**").length > 0;
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
