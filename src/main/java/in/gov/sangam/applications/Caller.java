package in.gov.sangam.applications;

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

    /** From the two headers; no headers (a public operation, no token) is a caller with no rights. */
    public static Caller of(String clientId, String spaceSeparatedScopes) {
        Set<String> scopes = spaceSeparatedScopes == null || spaceSeparatedScopes.isBlank() ? Set.of()
                : Arrays.stream(spaceSeparatedScopes.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
        return new Caller(clientId, scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN);
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
