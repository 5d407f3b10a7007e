package in.gov.sangam.dispatch;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One connector per department, made from the route template of its protocol ({@code routes/connector-<protocol>.yaml})
 * and the settings in its {@code connector.yaml}: a department is configuration, not a Java class.
 */
@Configuration(proxyBeanMethods = false)
public class Connectors {

    private static final Logger LOG = LoggerFactory.getLogger(Connectors.class);
    /** The protocols a route template exists for. */
    private static final Map<String, String> TEMPLATES = Map.of("rest", "http-connector", "soap", "http-connector",
            "sftp-batch", "sftp-batch-connector");

    private final Map<String, ConnectorSettings> settings = new LinkedHashMap<>();
    private final boolean dispatchEnabled;
    private final String catalogueLocation;

    private final DepartmentResilience resilience;

    public Connectors(Catalogue catalogue, Environment environment, DepartmentResilience resilience) {
        this.resilience = resilience;
        this.dispatchEnabled = environment.getProperty("sangam.connectors.dispatch-enabled", Boolean.class, true);
        this.catalogueLocation = environment.getProperty("sangam.catalogue.location", "classpath*:connectors");
        for (CatalogueDepartment department : catalogue.departments()) {
            ConnectorSettings connector = settingsOf(department, environment);
            settings.put(department.code(), connector);
            resilience.configure(connector);
        }
    }

    /**
     * A department whose system cannot be reached as configured (an endpoint or a password left unset) stops the
     * start-up with a sentence saying what to set: a hub that started would hold its applications forever.
     */
    private static ConnectorSettings settingsOf(CatalogueDepartment department, Environment environment) {
        try {
            return ConnectorSettings.of(department, environment);
        } catch (IllegalArgumentException unresolved) {
            throw new IllegalStateException("The " + department.code() + " connector (connectors/" + department.code()
                    + "/connector.yaml) is not configured: " + unresolved.getMessage() + ". Set it in the "
                    + "environment, or as sangam.connectors." + department.code() + ".<setting>", unresolved);
        }
    }

    public ConnectorSettings settings(String department) {
        ConnectorSettings connector = settings.get(department);
        if (connector == null) {
            throw new IllegalArgumentException("No connector for department " + department);
        }
        return connector;
    }

    /**
     * The Camel URI of a folder on the department's SFTP server. The server's host key must be in the known-hosts
     * file, unless {@code batch.hostKeyChecking: no} (for test servers and the demo's simulator).
     */
    public String sftpUri(ConnectorSettings connector, String folder) {
        // RAW keeps the password as it is; RAW{} when it holds a closing parenthesis.
        String password = connector.password().contains(")") ? "RAW{" + connector.password() + "}"
                : "RAW(" + connector.password() + ")";
        return connector.endpoint() + "/" + folder + "?username=" + connector.username() + "&password=" + password
                + "&connectTimeout=" + connector.connectTimeout().toMillis()
                + "&timeout=" + connector.responseTimeout().toMillis()
                + (connector.hostKeyChecking() ? "&strictHostKeyChecking=yes"
                        : "&strictHostKeyChecking=no&useUserKnownHostsFile=false");
    }

    /**
     * Where a template of the department's folder is, for Camel's FreeMarker component: on the classpath for the
     * folders shipped in the jar, on disk for folders an integrator keeps outside it ({@code sangam.catalogue.location}).
     */
    private String templateUri(ConnectorSettings connector, String template) {
        String root = catalogueLocation.replaceFirst("^classpath\\*?:", "").replaceAll("/+$", "");
        return root + "/" + connector.department() + "/" + template;
    }

    /** Whether a connector route runs for the department (its protocol has a template). */
    public boolean isConnected(String department) {
        return TEMPLATES.containsKey(settings(department).protocol());
    }

    /** Once Camel has read the route templates, one dispatch route per department whose protocol has one. */
    @Bean
    CamelContextConfiguration dispatchRoutes() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                bindCircuitBreakers(camelContext);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                if (!dispatchEnabled) {
                    LOG.warn("Connectors are off (sangam.connectors.dispatch-enabled=false): applications are "
                            + "accepted and queued, none is sent to its department");
                    return;
                }
                settings.values().forEach(connector -> addDispatchRoute(camelContext, connector));
            }
        };
    }

    /** Each department's circuit breaker, for the circuitBreaker EIP of its routes to use by name. */
    private void bindCircuitBreakers(CamelContext camelContext) {
        settings.keySet().forEach(department -> camelContext.getRegistry().bind(circuitBreakerName(department),
                resilience.circuitBreaker(department)));
    }

    /** The name under which a department's circuit breaker is in Camel's registry. */
    static String circuitBreakerName(String department) {
        return "circuitBreaker-" + department;
    }

    private void addDispatchRoute(CamelContext camelContext, ConnectorSettings connector) {
        String template = TEMPLATES.get(connector.protocol());
        if (template == null) {
            LOG.warn("No connector template for protocol '{}' yet: {} applications wait in their queue",
                    connector.protocol(), connector.department());
            return;
        }
        String requestTemplate = connector.batchTemplate() != null ? connector.batchTemplate()
                : connector.submitTemplate();
        TemplatedRouteBuilder dispatch = TemplatedRouteBuilder.builder(camelContext, template)
                .routeId("dispatch-" + connector.department())
                .parameter("department", connector.department())
                .parameter("template", templateUri(connector, requestTemplate));
        if (connector.batchInbox() != null) {
            // One endpoint for all of the inbox's files, each uploaded under a temporary name and then renamed.
            dispatch.parameter("inbox", sftpUri(connector, connector.batchInbox()) + "&tempPrefix=.uploading-")
                    .parameter("circuitBreaker", circuitBreakerName(connector.department()))
                    .parameter("retries", String.valueOf(connector.retryAttempts() - 1))
                    .parameter("retryDelay", String.valueOf(connector.retryInitialDelay().toMillis()))
                    .parameter("retryMultiplier", String.valueOf(connector.retryMultiplier()))
                    .parameter("retryMaxDelay", String.valueOf(connector.retryMaxDelay().toMillis()));
        }
        dispatch.add();
        if (connector.batchOutbox() != null) {
            TemplatedRouteBuilder.builder(camelContext, "sftp-batch-results")
                    .routeId("results-" + connector.department())
                    .parameter("department", connector.department())
                    .parameter("outbox", sftpUri(connector, connector.batchOutbox()))
                    .parameter("every", String.valueOf(connector.batchPollEvery().toMillis()))
                    .parameter("format", connector.resultFormat())
                    .add();
        }
        if (connector.pollEvery() != null) {
            TemplatedRouteBuilder.builder(camelContext, "status-polling")
                    .routeId("status-poll-" + connector.department())
                    .parameter("department", connector.department())
                    .parameter("every", String.valueOf(connector.pollEvery().toMillis()))
                    .parameter("template", templateUri(connector, connector.pollTemplate()))
                    .add();
        }
    }
}
