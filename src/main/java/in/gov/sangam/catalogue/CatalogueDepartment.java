package in.gov.sangam.catalogue;

import java.util.List;

/** A department folder {@code connectors/<code>/}: the department and the services it delivers. */
public record CatalogueDepartment(String code, String name, List<CatalogueService> services) {
}
