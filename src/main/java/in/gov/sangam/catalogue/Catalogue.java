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
 * The service catalogue, read from the department folders at start-up (and again when an operator reloads them) and
 * held in memory: it is small (a few thousand entries at most) and read on every request. A reload replaces it whole,
 * so a reader sees either the old catalogue or the new one, never a mix.
 */
public class Catalogue {

    /** One version of the catalogue, with its indexes. */
    private record Contents(List<CatalogueDepartment> departments, Map<String, CatalogueService> servicesByCode,
            List<CatalogueService> servicesInOrder, Map<CatalogueService, String> searchText) {

        static Contents of(List<CatalogueDepartment> departments) {
            List<CatalogueService> inOrder = departments.stream()
                    .flatMap(department -> department.services().stream())
                    .sorted(Comparator.comparing(CatalogueService::department).thenComparing(CatalogueService::name)
                            .thenComparing(CatalogueService::code))
                    .toList();
            return new Contents(List.copyOf(departments),
                    inOrder.stream().collect(Collectors.toMap(CatalogueService::code, Function.identity(),
                            (a, b) -> a, LinkedHashMap::new)),
                    inOrder,
                    inOrder.stream().collect(Collectors.toMap(Function.identity(),
                            s -> (s.code() + " " + s.name() + " " + s.description()).toLowerCase(Locale.ROOT))));
        }
    }

    private volatile Contents contents;

    public Catalogue(List<CatalogueDepartment> departments) {
        this.contents = Contents.of(departments);
    }

    /** Puts a newly read catalogue in place of this one, whole. */
    public void replaceWith(List<CatalogueDepartment> departments) {
        this.contents = Contents.of(departments);
    }

    /** A page of services, counting pages from 1. */
    public record ServicePage(List<CatalogueService> items, int total, int page, int size) {
    }

    public List<CatalogueDepartment> departments() {
        return contents.departments();
    }

    public Optional<CatalogueDepartment> department(String code) {
        return contents.departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<CatalogueService> service(String code) {
        return Optional.ofNullable(contents.servicesByCode().get(code));
    }

    public int size() {
        return contents.servicesByCode().size();
    }

    /**
     * Services of {@code department} (all when null) whose code, name or description contain every word of
     * {@code query} (any when null), ignoring case.
     */
    public ServicePage search(String department, String query, int page, int size) {
        Contents now = contents;
        String[] words = query == null || query.isBlank() ? new String[0]
                : query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<CatalogueService> matching = now.servicesInOrder().stream()
                .filter(s -> department == null || s.department().equals(department))
                .filter(s -> containsAll(now.searchText().get(s), words))
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
