package in.gov.sangam.api;

import in.gov.sangam.applications.StoredApplication;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking: the client id and the scopes of the verified access token, handed to the routes by the security
 * filter as request headers (replacing whatever a caller sent under those names). The domain checks rights with it
 * a second time, so that a routing mistake alone never opens an operation or someone else's application.
 */
public record Caller(String clientId, Set<String> scopes) {

    public static final String CLIENT_HEADER = "Sangam-Client-Id";
    public static final String SCOPES_HEADER = "Sangam-Client-Scopes";

    static final String PORTAL = "portal";
    static final String ADMIN = "admin";
    static final String DEPARTMENT_PREFIX = "department:";

    /**
     * From the two headers; no headers (a public operation, no token) is a caller with no rights. Only a single
     * string, as the security filter sets it, counts: Camel merges a request parameter of the same name (a form
     * field, say) into the header as a list, and such a value grants nothing.
     */
    public static Caller of(Object clientId, Object spaceSeparatedScopes) {
        if (!(spaceSeparatedScopes == null || spaceSeparatedScopes instanceof String)
                || !(clientId == null || clientId instanceof String)) {
            return new Caller(null, Set.of());
        }
        String scopes = (String) spaceSeparatedScopes;
        return new Caller((String) clientId, scopes == null || scopes.isBlank() ? Set.of()
                : Arrays.stream(scopes.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN);
    }

    /**
     * Refuses anyone but an administrator. The admin operations are checked before their routes too (the contract's
     * security); they check here as well, so that a routing mistake cannot open one.
     */
    public Caller requireAdmin() {
        if (!isAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This operation needs the scope 'admin'.");
        }
        return this;
    }

    /** Whether it speaks for this department's system. */
    public boolean speaksFor(String department) {
        return scopes.contains(DEPARTMENT_PREFIX + department);
    }

    /**
     * An administrator reads every application, a department its own department's, a portal client those it
     * submitted itself; nobody else reads any.
     */
    public boolean mayRead(StoredApplication application) {
        return isAdmin()
                || speaksFor(application.department())
                || scopes.contains(PORTAL) && clientId != null && clientId.equals(application.submittedBy());
    }
}
