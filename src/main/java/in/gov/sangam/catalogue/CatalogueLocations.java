package in.gov.sangam.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where the department folders are: {@code sangam.catalogue.location}, one Spring resource location or several
 * separated by commas, such as the folders shipped in the jar and those an integrator keeps outside it
 * ({@code classpath*:connectors,file:/etc/sangam/departments}). A department's folder is in exactly one of them.
 */
public final class CatalogueLocations {

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    private CatalogueLocations() {
    }

    /** Each location, without a trailing slash. */
    public static List<String> roots(String locations) {
        return Arrays.stream(locations.split(",")).map(String::trim).filter(root -> !root.isEmpty())
                .map(root -> root.replaceAll("/+$", "")).toList();
    }

    /**
     * A department's folder as a resource location ({@code classpath*:connectors/health},
     * {@code file:/etc/sangam/departments/transport}), for what lies in it beside its YAML files: the request
     * templates, the simulator. The first location that holds it; the first location when none does yet.
     */
    public static String folderOf(String locations, String department) {
        return rootOf(locations, department) + "/" + department;
    }

    /**
     * One file of a department's folder as a single resource location, for reading it ({@code classpath:} where its
     * folder is found by {@code classpath*:}, which names many resources, not one).
     */
    public static String resourceOf(String locations, String department, String file) {
        return folderOf(locations, department).replaceFirst("^classpath\\*:", "classpath:") + "/" + file;
    }

    /** A file of a department's folder as a person finds it, for messages ({@code connectors/health/connector.yaml}). */
    public static String fileOf(String locations, String department, String file) {
        return nameOf(rootOf(locations, department), department, file);
    }

    private static String rootOf(String locations, String department) {
        List<String> roots = roots(locations);
        for (String root : roots) {
            try {
                // A file: or classpath: location names a resource whether or not it is there; classpath*: only what is.
                if (Arrays.stream(RESOURCES.getResources(root + "/" + department + "/department.yaml"))
                        .anyMatch(Resource::exists)) {
                    return root;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The department folders at " + root + " cannot be read", e);
            }
        }
        return roots.get(0);
    }

    /**
     * How a person finds a file of a department's folder, for messages: the location's last folder, the department's
     * folder and the file ({@code connectors/health/connector.yaml}).
     */
    static String nameOf(String root, String department, String file) {
        String withoutScheme = root.replaceFirst("^[a-z*]+:", "");
        return withoutScheme.substring(withoutScheme.lastIndexOf('/') + 1) + "/" + department + "/" + file;
    }
}
