package in.gov.sangam.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * One operation of the contract as access control sees it: its method, its path and who may call it.
 *
 * @param access the alternatives of its {@code security} requirement, any one of which grants access: an empty list
 *     means public; {@code null} means the operation declares nothing, and then nobody may call it
 */
record ContractOperation(String operationId, HttpMethod method, PathPattern path, List<Grant> access) {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    boolean isPublic() {
        return access != null && access.isEmpty();
    }

    /** The path variables of a request path this operation serves, or null when it serves another path. */
    Map<String, String> match(String requestPath) {
        PathPattern.PathMatchInfo info = path.matchAndExtract(PathContainer.parsePath(requestPath));
        return info == null ? null : info.getUriVariables();
    }

    /** Whether a caller with a bearer token (or none) holding these scopes may call this operation. */
    boolean allows(boolean authenticated, List<String> scopes, Map<String, String> pathVariables) {
        return allows(authenticated ? Credentials.BEARER : Credentials.NONE, scopes, pathVariables);
    }

    /**
     * Whether a caller who proved who it is this way, holding these scopes, may call this operation on a path with
     * these variables. A grant of an HTTP Basic scheme opens only to HTTP Basic credentials, and a grant of an OAuth2
     * scheme only to a bearer token: neither stands in for the other.
     */
    boolean allows(Credentials credentials, List<String> scopes, Map<String, String> pathVariables) {
        if (access == null) {
            return false;
        }
        if (access.isEmpty()) {
            return true;
        }
        return access.stream().anyMatch(grant -> grant.anonymous()
                || (grant.basic() ? credentials == Credentials.BASIC : credentials == Credentials.BEARER)
                        && grant.scopes().stream().allMatch(needed -> scopes.stream()
                                .anyMatch(held -> scopePattern(needed, pathVariables).matcher(held).matches())));
    }

    /** The sentence a 403 answers with: the scopes that would have been enough. */
    String requiredScopes(Map<String, String> pathVariables) {
        if (access == null) {
            return "This operation declares no access rule in the contract, so nobody may call it.";
        }
        if (access.stream().allMatch(Grant::basic)) {
            return "This operation takes HTTP Basic credentials of the client it is meant for, and no other.";
        }
        return "This operation needs the scope " + access.stream().filter(grant -> !grant.basic())
                .map(grant -> grant.scopes().stream().map(scope -> "'" + resolve(scope, pathVariables) + "'")
                        .collect(Collectors.joining(" and ")))
                .collect(Collectors.joining(" or ")) + ".";
    }

    /**
     * A scope of the contract may name a path variable, {@code department:{department}}: it means the value of that
     * variable in the request, so a department's token opens only its own path. On an operation whose path has no
     * such variable it stands for any value (the domain then limits the caller to what is its own).
     */
    private static Pattern scopePattern(String scope, Map<String, String> pathVariables) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = PATH_VARIABLE.matcher(scope);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(scope.substring(last, variable.start())));
            String value = pathVariables.get(variable.group(1));
            regex.append(value != null ? Pattern.quote(value) : "[^\\s{}]+");
            last = variable.end();
        }
        regex.append(Pattern.quote(scope.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static String resolve(String scope, Map<String, String> pathVariables) {
        Matcher variable = PATH_VARIABLE.matcher(scope);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String value = pathVariables.get(variable.group(1));
            variable.appendReplacement(resolved, Matcher.quoteReplacement(value != null ? value : variable.group()));
        }
        variable.appendTail(resolved);
        return resolved.toString();
    }

    /**
     * One alternative of a security requirement: all of its scopes are needed, or none at all when it is anonymous
     * (an empty requirement object, {@code {}}).
     *
     * @param basic whether its scheme is HTTP Basic (the caller must have sent verified Basic credentials)
     */
    record Grant(boolean anonymous, boolean basic, List<String> scopes) {

        Grant(boolean anonymous, List<String> scopes) {
            this(anonymous, false, scopes);
        }
    }

    /** How a caller proved who it is. */
    enum Credentials {
        NONE,
        BEARER,
        BASIC
    }
}
