package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A department folder {@code connectors/<code>/}: the department, the services it delivers and how to read its
 * legacy system's answers.
 *
 * @param statusCodes the department's own status codes (upper case) and the hub status each one means
 * @param connector the department's {@code connector.yaml}, checked against its schema
 * @param contacts how to reach each officer and authority its services name, by title (department.yaml)
 */
public record CatalogueDepartment(String code, String name, List<CatalogueService> services,
        Map<String, String> statusCodes, JsonNode connector, Map<String, OfficeContact> contacts) {

    public CatalogueDepartment {
        contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
    }

    /** A department whose officers the hub does not tell anything (a connector tried on its own). */
    public CatalogueDepartment(String code, String name, List<CatalogueService> services,
            Map<String, String> statusCodes, JsonNode connector) {
        this(code, name, services, statusCodes, connector, Map.of());
    }

    /** The office of a title (as a service names it) that serves the district's applicants, if the department has one. */
    public Optional<OfficeContact> contact(String title, String district) {
        return Optional.ofNullable(title == null ? null : contacts.get(title)).map(contact -> contact.in(district));
    }

    public String protocol() {
        return connector.path("protocol").asText();
    }

    /** The department's own code for a hub status: the first, alphabetically, that means it (or the status itself). */
    public String codeFor(String hubStatus) {
        return statusCodes.entrySet().stream().filter(code -> code.getValue().equals(hubStatus))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(hubStatus);
    }
}
