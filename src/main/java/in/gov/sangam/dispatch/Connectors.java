package in.gov.sangam.dispatch;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueException;
import in.gov.sangam.catalogue.CatalogueLocations;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * One connector per department, made from the route templates of its kind ({@code kinds/<protocol>.yaml} names them;
 * they are in {@code routes/connector-*.yaml}) and the settings in its {@code connector.yaml}: a department is
 * configuration, not a Java class.
 */
@Configuration(proxyBeanMethods = false)
public class Connectors {

    private static final Logger LOG = LoggerFactory.getLogger(Connectors.class);
    /** The protocols a route template exists for. */
    private static final Map<String, String> TEMPLATES = Map.of("rest", "rest-connector", "soap", "soap-connector",
            "sftp-batch", "sftp-batch-connector");
    /**
     * How the answers of each HTTP protocol are read, and an expression of that language that finds nothing (for what
     * a department's connector.yaml leaves out).
     */
    private static final Map<String, String> ANSWER_LANGUAGES = Map.of("rest", "jsonpath", "soap", "xpath");
    /** The ids of a department's routes are these followed by its code; the dispatch route comes first. */
    private static final List<String> ROUTE_PREFIXES = List.of("dispatch-", "status-poll-", "results-",
            "call-submit-", "call-status-query-");
    private static final Map<String, String> NOTHING = Map.of("jsonpath", "$['sangam:not-configured']",
            "xpath", "self::node()[false()]");

    private static final ResourceLoader RESOURCES = new DefaultResourceLoader();

    /** The departments' settings, replaced whole when the catalogue is reloaded. */
    private volatile Map<String, ConnectorSettings> settings;
    /** The request templates each running connector was made with, by department. */
    private final Map<String, Map<String, String>> templateTexts = new ConcurrentHashMap<>();
    private final boolean dispatchEnabled;
    private final String catalogueLocation;

    private final DepartmentCircuitBreakers circuitBreakers;
    private final Environment environment;

    public Connectors(Catalogue catalogue, Environment environment, DepartmentCircuitBreakers circuitBreakers) {
        this.circuitBreakers = circuitBreakers;
        this.environment = environment;
        this.dispatchEnabled = environment.getProperty("sangam.connectors.dispatch-enabled", Boolean.class, true);
        this.catalogueLocation = environment.getProperty("sangam.catalogue.location", "classpath*:connectors");
        Map<String, ConnectorSettings> configured = new LinkedHashMap<>();
        for (CatalogueDepartment department : catalogue.departments()) {
            ConnectorSettings connector = settingsOf(department, environment, catalogueLocation);
            configured.put(department.code(), connector);
            templateTexts.put(department.code(), templates(connector));
            circuitBreakers.configure(connector);
        }
        this.settings = Collections.unmodifiableMap(configured);
    }

    /**
     * A department whose system cannot be reached as configured (an endpoint or a password left unset) stops the
     * start-up with a sentence saying what to set: a hub that started would hold its applications forever.
     */
    private static ConnectorSettings settingsOf(CatalogueDepartment department, Environment environment,
            String catalogueLocation) {
        try {
            return ConnectorSettings.of(department, environment);
        } catch (IllegalArgumentException unresolved) {
            throw new IllegalStateException("The " + department.code() + " connector ("
                    + CatalogueLocations.fileOf(catalogueLocation, department.code(), "connector.yaml")
                    + ") is not configured: " + unresolved.getMessage() + ". Set it in the "
                    + "environment, or as sangam.connectors." + department.code() + ".<setting>", unresolved);
        }
    }

    /**
     * A department's connector settings, if it has a connector: a department the catalogue still lists may have just
     * lost it to a reload, until the catalogue is replaced too.
     */
    public Optional<ConnectorSettings> find(String department) {
        return Optional.ofNullable(settings.get(department));
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
        String password = raw(connector.password());
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
        String folder = CatalogueLocations.folderOf(catalogueLocation, connector.department());
        return folder.replaceFirst("^classpath\\*?:", "") + "/" + template;
    }

    /** Whether a connector route runs for the department (its protocol has a template). */
    public boolean isConnected(String department) {
        return TEMPLATES.containsKey(settings(department).protocol());
    }

    /**
     * The connector settings of a catalogue read again, resolved as at start-up.
     *
     * @throws CatalogueException naming every department whose system cannot be reached as configured (an endpoint
     *     or a secret left unset); then none of them is used
     */
    public Map<String, ConnectorSettings> resolve(List<CatalogueDepartment> departments) {
        Map<String, ConnectorSettings> resolved = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (CatalogueDepartment department : departments) {
            try {
                ConnectorSettings connector = ConnectorSettings.of(department, environment);
                resolved.put(department.code(), connector);
                missingStores(connector).forEach(store -> problems.add(CatalogueLocations.fileOf(catalogueLocation,
                        department.code(), "connector.yaml") + ": mutualTls: " + store + " does not exist"));
            } catch (IllegalArgumentException unresolved) {
                problems.add(CatalogueLocations.fileOf(catalogueLocation, department.code(), "connector.yaml") + ": "
                        + unresolved.getMessage()
                        + " (set it in the environment, or as sangam.connectors." + department.code() + ".<setting>)");
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return resolved;
    }

    /** The keystore and truststore a connector names that are not there: found before any connector changes. */
    private static List<String> missingStores(ConnectorSettings connector) {
        ConnectorSettings.Authentication authentication = connector.authentication();
        List<String> missing = new ArrayList<>();
        for (String store : new String[] {authentication.keystore(), authentication.truststore()}) {
            if (store != null && !RESOURCES.getResource(store).exists()) {
                missing.add(store);
            }
        }
        return missing;
    }

    /**
     * Puts the connectors of a reloaded catalogue in place of the running ones: a department added gets its routes, a
     * department removed loses them, a department whose settings changed gets them anew, and the others keep running
     * untouched. A route is stopped gracefully, so the applications it has in flight finish first; applications
     * waiting in a removed department's queue stay there. All or nothing: when a new connector cannot be started, the
     * connectors as they were are put back and the failure names the department.
     *
     * @return each department, before or after, and what became of it: ADDED, CHANGED, REMOVED or UNCHANGED
     * @throws CatalogueException naming the department whose connector could not be started; nothing changed
     */
    public synchronized Map<String, String> replace(CamelContext camelContext, Map<String, ConnectorSettings> next)
            throws Exception {
        Map<String, ConnectorSettings> before = settings;
        Map<String, String> changes = new TreeMap<>();
        before.keySet().forEach(department -> changes.put(department, !next.containsKey(department) ? "REMOVED"
                : sameConnector(before.get(department), next.get(department)) ? "UNCHANGED" : "CHANGED"));
        next.keySet().forEach(department -> changes.putIfAbsent(department, "ADDED"));
        List<String> outgoing = changes.entrySet().stream().filter(change -> change.getValue().equals("REMOVED")
                || change.getValue().equals("CHANGED")).map(Map.Entry::getKey).toList();
        List<String> incoming = changes.entrySet().stream().filter(change -> change.getValue().equals("ADDED")
                || change.getValue().equals("CHANGED")).map(Map.Entry::getKey).toList();
        // What is put back if a connector cannot start: the circuit breakers as they are (an open one stays open).
        Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
        outgoing.forEach(department -> breakers.put(department, circuitBreakers.circuitBreaker(department)));
        Map<String, Map<String, String>> texts = new LinkedHashMap<>(templateTexts);
        String starting = null;
        try {
            for (String department : outgoing) {
                starting = department;
                removeRoutes(camelContext, department);
            }
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(next));
            for (String department : incoming) {
                starting = department;
                start(camelContext, next.get(department), circuitBreakers.configure(next.get(department)));
            }
        } catch (Exception failed) {
            LOG.warn("The connector of {} could not be started; the connectors are put back as they were: {}",
                    starting, rootCause(failed));
            for (String department : incoming) {
                removeRoutes(camelContext, department);
                unbind(camelContext, department);
            }
            settings = before;
            for (String department : outgoing) {
                circuitBreakers.restore(breakers.get(department));
                start(camelContext, before.get(department), breakers.get(department));
            }
            templateTexts.clear();
            templateTexts.putAll(texts);
            throw new CatalogueException(List.of(CatalogueLocations.fileOf(catalogueLocation, starting,
                    "connector.yaml") + ": its connector could not be started (" + rootCause(failed)
                    + "); nothing was changed"));
        }
        changes.forEach((department, change) -> {
            if (change.equals("REMOVED")) {
                unbind(camelContext, department);
            }
            if (!change.equals("UNCHANGED")) {
                LOG.info("Connector of {} {}", department, change.toLowerCase(Locale.ROOT));
            }
        });
        return changes;
    }

    /**
     * Whether a department's connector stays as it runs: the same settings and the same request templates (Camel's
     * template endpoints cache what they have read, so a changed template is taken up by making the connector anew).
     */
    private boolean sameConnector(ConnectorSettings running, ConnectorSettings reloaded) {
        return running.equals(reloaded) && templates(running).equals(templateTexts.get(running.department()));
    }

    /** The texts of a department's request templates as they are in its folder now. */
    private Map<String, String> templates(ConnectorSettings connector) {
        Map<String, String> texts = new TreeMap<>();
        for (String template : new String[] {connector.submitTemplate(), connector.pollTemplate(),
                connector.batchTemplate()}) {
            if (template != null) {
                String location = CatalogueLocations.resourceOf(catalogueLocation, connector.department(), template);
                try (InputStream in = RESOURCES.getResource(location).getInputStream()) {
                    texts.put(template, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException unreadable) {
                    texts.put(template, "unreadable: " + unreadable);
                }
            }
        }
        return texts;
    }

    /** What went wrong underneath, without the route Camel could not make, which says nothing to an integrator. */
    private static String rootCause(Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    /** A department's connector put to work: its circuit breaker (and SSL context) bound, then its routes. */
    private void start(CamelContext camelContext, ConnectorSettings connector, CircuitBreaker circuitBreaker) {
        templateTexts.put(connector.department(), templates(connector));
        bind(camelContext, connector, circuitBreaker);
        if (dispatchEnabled) {
            addDispatchRoute(camelContext, connector);
        }
    }

    /** A department's routes, the one taking its queue first, so that nothing it calls is gone while it runs. */
    private void removeRoutes(CamelContext camelContext, String department) throws Exception {
        for (String prefix : ROUTE_PREFIXES) {
            String routeId = prefix + department;
            if (camelContext.getRoute(routeId) != null) {
                camelContext.getRouteController().stopRoute(routeId);
                camelContext.removeRoute(routeId);
            }
        }
        templateTexts.remove(department);
    }

    /** A department no longer connected: its circuit breaker and SSL context leave Camel's registry. */
    private void unbind(CamelContext camelContext, String department) {
        camelContext.getRegistry().unbind(DepartmentCircuitBreakers.beanName(department));
        camelContext.getRegistry().unbind(sslContextName(department));
        circuitBreakers.remove(department);
    }

    /** Where the department's routes find its circuit breaker and, for mutual TLS, its SSL context. */
    private void bind(CamelContext camelContext, ConnectorSettings connector, CircuitBreaker circuitBreaker) {
        camelContext.getRegistry().bind(DepartmentCircuitBreakers.beanName(connector.department()), circuitBreaker);
        if (connector.authentication().keystore() != null) {
            camelContext.getRegistry().bind(sslContextName(connector.department()), sslContext(connector));
        }
    }

    /** Once Camel has read the route templates, one dispatch route per department whose protocol has one. */
    @Bean
    CamelContextConfiguration dispatchRoutes() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                // Each department's circuit breaker, for the circuitBreaker EIP of its routes to use by name.
                settings.values().forEach(connector -> bind(camelContext, connector,
                        circuitBreakers.circuitBreaker(connector.department())));
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

    private void addDispatchRoute(CamelContext camelContext, ConnectorSettings connector) {
        String template = TEMPLATES.get(connector.protocol());
        if (template == null) {
            LOG.warn("No connector template for protocol '{}' yet: {} applications wait in their queue",
                    connector.protocol(), connector.department());
            return;
        }
        if (isHttp(connector)) {
            addHttpRoutes(camelContext, connector);
        } else {
            // One endpoint for all of the inbox's files, each uploaded under a temporary name and then renamed.
            TemplatedRouteBuilder.builder(camelContext, template)
                    .routeId("dispatch-" + connector.department())
                    .parameter("department", connector.department())
                    .parameter("template", templateUri(connector, connector.batchTemplate()))
                    .parameter("inbox", sftpUri(connector, connector.batchInbox()) + "&tempPrefix=.uploading-")
                    .parameter("circuitBreaker", DepartmentCircuitBreakers.beanName(connector.department()))
                    .parameter("retries", String.valueOf(connector.retryAttempts() - 1))
                    .parameter("retryDelay", String.valueOf(connector.retryInitialDelay().toMillis()))
                    .parameter("retryMultiplier", String.valueOf(connector.retryMultiplier()))
                    .parameter("retryMaxDelay", String.valueOf(connector.retryMaxDelay().toMillis()))
                    .add();
        }
        if (connector.batchOutbox() != null) {
            TemplatedRouteBuilder.builder(camelContext, "sftp-batch-results")
                    .routeId("results-" + connector.department())
                    .parameter("department", connector.department())
                    .parameter("outbox", sftpUri(connector, connector.batchOutbox()))
                    .parameter("every", String.valueOf(connector.batchPollEvery().toMillis()))
                    .parameter("format", connector.resultFormat())
                    .add();
        }
    }

    private static boolean isHttp(ConnectorSettings connector) {
        return ANSWER_LANGUAGES.containsKey(connector.protocol());
    }

    /**
     * A department reached over HTTP: a call route per operation (its submit operation, and its status query when it
     * is polled), the dispatch route, and the status-polling route.
     */
    private void addHttpRoutes(CamelContext camelContext, ConnectorSettings connector) {
        String department = connector.department();
        String language = ANSWER_LANGUAGES.get(connector.protocol());
        String submit = "direct:submit-" + department;
        addCall(camelContext, connector, "call-submit-" + department, submit, connector.submitPath(),
                connector.method(), connector.submitSoapAction());
        TemplatedRouteBuilder.builder(camelContext, TEMPLATES.get(connector.protocol()))
                .routeId("dispatch-" + department)
                .parameter("department", department)
                .parameter("template", templateUri(connector, connector.submitTemplate()))
                .parameter("call", submit)
                .parameter("reference", orNothing(language, connector.referencePointer()))
                .parameter("status", orNothing(language, connector.statusPointer()))
                .parameter("retries", String.valueOf(connector.retryAttempts() - 1))
                .parameter("retryDelay", String.valueOf(connector.retryInitialDelay().toMillis()))
                .parameter("retryMultiplier", String.valueOf(connector.retryMultiplier()))
                .parameter("retryMaxDelay", String.valueOf(connector.retryMaxDelay().toMillis()))
                .add();
        if (connector.pollEvery() != null) {
            String query = "direct:status-query-" + department;
            addCall(camelContext, connector, "call-status-query-" + department, query, connector.pollPath(),
                    connector.pollMethod(), connector.pollSoapAction());
            Map<String, String> answer = connector.pollAnswer();
            TemplatedRouteBuilder.builder(camelContext, connector.protocol() + "-status-polling")
                    .routeId("status-poll-" + department)
                    .parameter("department", department)
                    .parameter("every", String.valueOf(connector.pollEvery().toMillis()))
                    .parameter("template", templateUri(connector, connector.pollTemplate()))
                    .parameter("call", query)
                        .parameter("case", answer.get("case"))
                    .parameter("reference", orNothing(language, answer.get("reference")))
                    .parameter("status", orNothing(language, answer.get("status")))
                    .parameter("remark", orNothing(language, answer.get("remark")))
                    .parameter("reason", orNothing(language, answer.get("reason")))
                    .add();
        }
    }

    private void addCall(CamelContext camelContext, ConnectorSettings connector, String routeId, String name,
            String path, String method, String soapAction) {
        TemplatedRouteBuilder call = TemplatedRouteBuilder.builder(camelContext, connector.protocol() + "-call")
                .routeId(routeId)
                .parameter("name", name)
                .parameter("department", connector.department())
                .parameter("endpoint", connector.endpoint() + path)
                .parameter("method", method)
                .parameter("options", httpOptions(connector))
                .parameter("circuitBreaker", DepartmentCircuitBreakers.beanName(connector.department()))
                .parameter("refusalCodes", connector.refusalCodes().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")));
        if (connector.isSoap()) {
            // The fault codes as alternatives of the template's regular expression: a dot is their only character
            // that means something there (ConnectorSettings allows no other), and it must match itself.
            call.parameter("soapAction", soapAction)
                    .parameter("refusalFaultCodes", connector.refusalFaultCodes().stream()
                            .map(code -> code.replace(".", "\\.")).collect(Collectors.joining("|")));
        } else {
            call.parameter("rejection", orNothing("jsonpath", connector.rejectionPointer()));
        }
        if ("apiKey".equals(connector.authentication().kind())) {
            call.parameter("apiKeyHeader", connector.authentication().apiKeyHeader())
                    .parameter("apiKey", connector.authentication().apiKey());
        }
        call.add();
    }

    /**
     * The http component's options for a department: its time-outs and how the hub authenticates. A bearer token is
     * fetched by the http component itself (OAuth2 client credentials) and cached until shortly before it expires; a
     * keystore for mutual TLS is the department's SSLContextParameters in the registry ({@link #sslContextName}).
     */
    static String httpOptions(ConnectorSettings connector) {
        ConnectorSettings.Authentication authentication = connector.authentication();
        StringBuilder options = new StringBuilder("connectTimeout=" + connector.connectTimeout().toMillis()
                + "&responseTimeout=" + connector.responseTimeout().toMillis());
        switch (authentication.kind()) {
            case "basic" -> options.append("&authMethod=Basic&authenticationPreemptive=true&authUsername=")
                    .append(raw(connector.username())).append("&authPassword=").append(raw(connector.password()));
            case "bearer" -> {
                options.append("&oauth2ClientId=").append(raw(authentication.clientId()))
                        .append("&oauth2ClientSecret=").append(raw(authentication.clientSecret()))
                        .append("&oauth2TokenEndpoint=").append(raw(authentication.tokenUrl()))
                        .append("&oauth2CacheTokens=true")
                        // Renewed a minute before it expires, so no call goes out with a token about to lapse.
                        .append("&oauth2CachedTokensExpirationMarginSeconds=60");
                if (authentication.scope() != null) {
                    options.append("&oauth2Scope=").append(raw(authentication.scope()));
                }
            }
            case "none", "apiKey" -> {
                // No option of the http component: an API key is a header the call route sets.
            }
            default -> throw new IllegalStateException("The " + connector.department() + " connector has an "
                    + "authentication kind the hub does not know: " + authentication.kind());
        }
        if (authentication.keystore() != null) {
            options.append("&sslContextParameters=#").append(sslContextName(connector.department()));
        }
        return options.toString();
    }

    /** The name of a department's SSLContextParameters (its keystore for mutual TLS) in Camel's registry. */
    static String sslContextName(String department) {
        return "sslContext-" + department;
    }

    /**
     * A department with mutual TLS: its keystore (by reference, from connector.yaml), as Camel's SSLContextParameters
     * for its endpoints; the servers it trusts are those of its truststore, or the JVM's authorities without one.
     */
    private static SSLContextParameters sslContext(ConnectorSettings connector) {
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource(connector.authentication().keystore());
        keyStore.setPassword(connector.authentication().keystorePassword());
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(keyStore);
        keyManagers.setKeyPassword(connector.authentication().keystorePassword());
        SSLContextParameters context = new SSLContextParameters();
        context.setKeyManagers(keyManagers);
        if (connector.authentication().truststore() != null) {
            KeyStoreParameters trustStore = new KeyStoreParameters();
            trustStore.setResource(connector.authentication().truststore());
            trustStore.setPassword(connector.authentication().truststorePassword());
            TrustManagersParameters trustManagers = new TrustManagersParameters();
            trustManagers.setKeyStore(trustStore);
            context.setTrustManagers(trustManagers);
        }
        return context;
    }

    /** A value as Camel takes it in a URI, unchanged: RAW(...), or RAW{...} when it holds a closing parenthesis. */
    private static String raw(String value) {
        return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }

    private static String orNothing(String language, String expression) {
        return expression == null ? NOTHING.get(language) : expression;
    }
}
