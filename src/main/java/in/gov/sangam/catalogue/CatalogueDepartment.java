package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A department folder {@code connectors/<code>/}: the department, the services it delivers and how to read its
 * legacy system's answers.
 *
 * @param statusCodes the department's own status codes (upper case) and the hub status each one means
 * @param connector the department's {@code connector.yaml}, checked against its schema
 */
public record CatalogueDepartment(String code, String name, List<CatalogueService> services,
        Map<String, String> statusCodes, JsonNode connector) {

    public String protocol() {
        return connector.path("protocol").asText();
    }

    /** The department's own code for a hub status: the first, alphabetically, that means it (or the status itself). */
    public String codeFor(String hubStatus) {
        return statusCodes.entrySet().stream().filter(code -> code.getValue().equals(hubStatus))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(hubStatus);
    }
}
