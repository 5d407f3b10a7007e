package in.gov.sangam.catalogue;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service catalogue, read once at start-up from the department folders and held in memory: it is small (a few
 * thousand entries at most) and read on every request.
 */
public class Catalogue {

    private final List<CatalogueDepartment> departments;
    private final Map<String, CatalogueService> servicesByCode;
    private final List<CatalogueService> servicesInOrder;
    private final Map<CatalogueService, String> searchText;

    public Catalogue(List<CatalogueDepartment> departments) {
        this.departments = List.copyOf(departments);
        this.servicesInOrder = departments.stream()
                .flatMap(department -> department.services().stream())
                .sorted(Comparator.comparing(CatalogueService::department).thenComparing(CatalogueService::name)
                        .thenComparing(CatalogueService::code))
                .toList();
        this.servicesByCode = servicesInOrder.stream()
                .collect(Collectors.toMap(CatalogueService::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.searchText = servicesInOrder.stream().collect(Collectors.toMap(Function.identity(),
                s -> (s.code() + " " + s.name() + " " + s.description()).toLowerCase(Locale.ROOT)));
    }

    /** A page of services, counting pages from 1. */
    public record ServicePage(List<CatalogueService> items, int total, int page, int size) {
    }

    public List<CatalogueDepartment> departments() {
        return departments;
    }

    public Optional<CatalogueDepartment> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<CatalogueService> service(String code) {
        return Optional.ofNullable(servicesByCode.get(code));
    }

    public int size() {
        return servicesByCode.size();
    }

    /**
     * Services of {@code department} (all when null) whose code, name or description contain every word of
     * {@code query} (any when null), ignoring case.
     */
    public ServicePage search(String department, String query, int page, int size) {
        String[] words = query == null || query.isBlank() ? new String[0]
                : query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<CatalogueService> matching = servicesInOrder.stream()
                .filter(s -> department == null || s.department().equals(department))
                .filter(s -> containsAll(searchText.get(s), words))
                .toList();
        int from = (int) Math.min((long) (page - 1) * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new ServicePage(matching.subList(from, to), matching.size(), page, size);
    }

    private static boolean containsAll(String text, String[] words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
