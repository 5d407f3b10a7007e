package in.gov.sangam.catalogue;

import java.util.List;

/**
 * A department folder that is not as it should be. The message lists every mistake found, each naming the file,
 * the field and what was expected, so an integrator can fix them all in one go.
 */
public class CatalogueException extends RuntimeException {

    private final List<String> problems;

    public CatalogueException(List<String> problems) {
        super("The service catalogue has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
