package in.gov.sangam.dispatch;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A test department's connector routes, made by the real {@link Connectors} from its folder's connector.yaml on the
 * test classpath ({@code <folders>/<department>/}), in a route slice's Camel context before it starts.
 */
final class DepartmentFolderRoutes {

    private DepartmentFolderRoutes() {
    }

    /**
     * The dispatcher's part as a mock plays it: application SGM-2026-0000042 to send, and each department reference
     * the route accepts noted in {@code accepted}.
     */
    static void answerAsTheDispatcher(Dispatcher dispatcher, List<String> accepted) throws IOException {
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            exchange.setProperty(Dispatcher.DISPATCH_MESSAGE, exchange.getMessage().getBody(String.class));
            exchange.getMessage().setBody(Map.of("application", Map.of("applicationId", "SGM-2026-0000042")));
            return null;
        }).when(dispatcher).prepare(any());
        doAnswer(call -> {
            accepted.add(call.<Exchange>getArgument(0).getProperty("SangamDepartmentReference", String.class));
            return null;
        }).when(dispatcher).accepted(any());
    }

    /** @param environment what the department's placeholders name (its address, its secrets) */
    static void add(CamelContext camel, String folders, String department, MockEnvironment environment)
            throws IOException {
        CatalogueDepartment folder;
        try (InputStream connector = new ClassPathResource(folders + "/" + department + "/connector.yaml")
                .getInputStream()) {
            folder = new CatalogueDepartment(department, department, List.of(), Map.of(),
                    new ObjectMapper(new YAMLFactory()).readTree(connector));
        }
        Catalogue catalogue = mock(Catalogue.class);
        when(catalogue.departments()).thenReturn(List.of(folder));
        environment.withProperty("sangam.catalogue.location", "classpath*:" + folders);
        CamelContextConfiguration routes = new Connectors(catalogue, environment, new DepartmentCircuitBreakers())
                .dispatchRoutes();
        routes.beforeApplicationStart(camel);
        routes.afterApplicationStart(camel);
    }
}
