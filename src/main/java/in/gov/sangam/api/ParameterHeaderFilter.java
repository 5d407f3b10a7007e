package in.gov.sangam.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request header can stand in for a query or path parameter. Camel's platform-http puts the request's headers
 * and its query and path parameters into one map of message headers, so a header {@code size: -1} reads, to a route,
 * like the query {@code ?size=-1}, but it was never checked against the contract. This filter hides every request
 * header named (in any case) like a query or path parameter of any operation of {@code openapi/portal-api.yaml}; the
 * names are read from the contract, so a new operation is covered without a change here.
 *
 * <p>Why a servlet filter and not Camel's {@code HeaderFilterStrategy}: platform-http passes query parameters through
 * the same strategy as headers ({@code DefaultHttpBinding.populateRequestParameters}), so a strategy that dropped the
 * header {@code size} would drop the query parameter {@code size} too. Below Camel, at the servlet request, a header
 * and a query parameter are still told apart. Header parameters the contract declares ({@code Idempotency-Key}) stay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ParameterHeaderFilter extends OncePerRequestFilter {

    private final Set<String> parameterNames;

    ParameterHeaderFilter(PortalContract contract) {
        this.parameterNames = queryAndPathParameterNames(contract.openApi());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new WithoutParameterHeaders(request, parameterNames), response);
    }

    /** The names of every query and path parameter of every operation, compared without regard to case. */
    static Set<String> queryAndPathParameterNames(OpenAPI spec) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (PathItem path : spec.getPaths().values()) {
            List<Parameter> parameters = new ArrayList<>();
            if (path.getParameters() != null) {
                parameters.addAll(path.getParameters());
            }
            for (Operation operation : path.readOperations()) {
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
            }
            for (Parameter parameter : parameters) {
                if ("query".equals(parameter.getIn()) || "path".equals(parameter.getIn())) {
                    names.add(parameter.getName());
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static final class WithoutParameterHeaders extends HttpServletRequestWrapper {

        private final Set<String> hidden;

        WithoutParameterHeaders(HttpServletRequest request, Set<String> hidden) {
            super(request);
            this.hidden = hidden;
        }

        @Override
        public String getHeader(String name) {
            return hidden.contains(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden.contains(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (String name : Collections.list(super.getHeaderNames())) {
                if (!hidden.contains(name)) {
                    names.add(name);
                }
            }
            return Collections.enumeration(names);
        }

        @Override
        public int getIntHeader(String name) {
            return hidden.contains(name) ? -1 : super.getIntHeader(name);
        }

        @Override
        public long getDateHeader(String name) {
            return hidden.contains(name) ? -1 : super.getDateHeader(name);
        }
    }
}
