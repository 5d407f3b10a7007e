package in.gov.sangam.security;

import in.gov.sangam.api.PortalContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The operations of {@code openapi/portal-api.yaml} and who may call each, read once at start-up. Access control is
 * built from this, so the contract is the one place that says who may do what: an operation added to the contract
 * without a {@code security} declaration cannot be called by anyone.
 */
@Component
class ContractOperations {

    private static final Logger LOG = LoggerFactory.getLogger(ContractOperations.class);

    private final String basePath;
    private final List<ContractOperation> operations;
    private final List<PathPattern> anyCase;

    @Autowired
    ContractOperations(PortalContract contract) {
        this(contract.openApi());
    }

    ContractOperations(OpenAPI contract) {
        this.basePath = contract.getServers().get(0).getUrl();
        List<ContractOperation> found = new ArrayList<>();
        // Matched exactly as written: case-sensitive, no optional trailing slash.
        PathPatternParser parser = new PathPatternParser();
        PathPatternParser caseInsensitive = new PathPatternParser();
        caseInsensitive.setCaseSensitive(false);
        List<PathPattern> spellings = new ArrayList<>();
        Set<String> basicSchemes = basicSchemes(contract);
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<ContractOperation.Grant> access = access(operation, basicSchemes);
            if (access == null) {
                LOG.warn("{} {} ({}) declares no security in the contract: nobody may call it", method, path,
                        operation.getOperationId());
            }
            found.add(new ContractOperation(operation.getOperationId(), HttpMethod.valueOf(method.name()),
                    parser.parse(basePath + path), access));
        }));
        contract.getPaths().keySet().forEach(path -> spellings.add(caseInsensitive.parse(basePath + path)));
        // The most specific path first, as the routes are matched: /feedback/sms-replies is not /feedback/{token}.
        found.sort(Comparator.comparing(ContractOperation::path, PathPattern.SPECIFICITY_COMPARATOR));
        this.operations = List.copyOf(found);
        this.anyCase = List.copyOf(spellings);
    }

    /** The path under which the contract's operations are served, {@code /api/v1}. */
    String basePath() {
        return basePath;
    }

    Collection<ContractOperation> all() {
        return operations;
    }

    /**
     * The operation a request calls. Only the contract's methods count: HEAD is not read as GET, because Camel
     * would not answer it as one (it answers 405 on its own, outside the routes that say what leaves the hub).
     */
    Optional<Match> find(String method, String path) {
        HttpMethod wanted = HttpMethod.valueOf(method);
        for (ContractOperation operation : operations) {
            Map<String, String> variables = operation.match(path);
            if (variables != null && operation.method().equals(wanted)) {
                return Optional.of(new Match(operation, variables));
            }
        }
        return Optional.empty();
    }

    /** The methods the contract serves on a path; empty when it serves nothing there. */
    Set<String> methodsOn(String path) {
        Set<String> methods = new TreeSet<>();
        operations.stream().filter(operation -> operation.match(path) != null)
                .forEach(operation -> methods.add(operation.method().name()));
        return methods;
    }

    /** The contract's own spelling of a path that matches one of its paths only when case is ignored. */
    Optional<String> canonicalSpelling(String path) {
        for (PathPattern pattern : anyCase) {
            PathPattern.PathMatchInfo match = pattern.matchAndExtract(PathContainer.parsePath(path));
            if (match != null) {
                String spelling = pattern.getPatternString();
                for (Map.Entry<String, String> variable : match.getUriVariables().entrySet()) {
                    spelling = spelling.replace("{" + variable.getKey() + "}", variable.getValue());
                }
                return Optional.of(spelling);
            }
        }
        return Optional.empty();
    }

    private static Set<String> basicSchemes(OpenAPI contract) {
        Set<String> basic = new TreeSet<>();
        if (contract.getComponents() != null && contract.getComponents().getSecuritySchemes() != null) {
            contract.getComponents().getSecuritySchemes().forEach((name, scheme) -> {
                if (scheme.getType() == SecurityScheme.Type.HTTP && "basic".equalsIgnoreCase(scheme.getScheme())) {
                    basic.add(name);
                }
            });
        }
        return basic;
    }

    private static List<ContractOperation.Grant> access(Operation operation, Set<String> basicSchemes) {
        List<SecurityRequirement> requirements = operation.getSecurity();
        if (requirements == null) {
            return null;
        }
        List<ContractOperation.Grant> grants = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            List<String> scopes = new ArrayList<>();
            requirement.values().forEach(scopes::addAll);
            boolean basic = !requirement.isEmpty() && basicSchemes.containsAll(requirement.keySet());
            grants.add(new ContractOperation.Grant(requirement.isEmpty(), basic, List.copyOf(scopes)));
        }
        return List.copyOf(grants);
    }

    /** An operation and the values its path variables took in one request. */
    record Match(ContractOperation operation, Map<String, String> pathVariables) {
    }
}
