package in.gov.sangam.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import in.gov.sangam.applications.ApplicationStatus;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.dispatch.ConnectorSettings;
import in.gov.sangam.dispatch.Connectors;
import in.gov.sangam.catalogue.CatalogueLocations;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The simulated departments at work, for the demo: every little while each one moves the applications it holds a
 * step on (in process, then delivered, or now and then rejected with a reason), and says so through its own
 * channel, exactly as the real system would: the REST department calls the hub back, the SOAP department answers
 * the hub's next status poll with the new status (from {@code simulator/progress/poll-answer.ftl} in its folder),
 * the batch-file department writes a result file. Off with {@code --sangam.demo.auto-progress=false}: the simulators
 * then accept applications and never move them.
 */
@Component
@Profile("default")
@ConditionalOnProperty(name = {"sangam.simulators.enabled", "sangam.demo.auto-progress"}, havingValue = "true")
public class DemoProgress implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProgress.class);
    private static final String REJECTION = "The documents could not be verified.";

    private final Catalogue catalogue;
    private final Connectors connectors;
    private final DepartmentSimulators simulators;
    private final DemoApplications store;
    private final ResourceLoader resources;
    private final String catalogueLocation;
    private final DepartmentTokens tokens;
    private final Clock clock;
    private final Duration step;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, StubMapping> pollAnswers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService departments = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "simulated-departments"));
    private volatile String hubUrl;

    DemoProgress(Catalogue catalogue, Connectors connectors, @Lazy DepartmentSimulators simulators,
            DemoApplications store, ResourceLoader resources, DepartmentTokens tokens, Clock clock,
            @Value("${sangam.catalogue.location}") String catalogueLocation,
            @Value("${sangam.demo.step-after:20s}") Duration stepAfter,
            @Value("${sangam.clock.speed:1}") double speed) {
        this.catalogue = catalogue;
        this.connectors = connectors;
        this.simulators = simulators;
        this.store = store;
        this.resources = resources;
        // One department folder's resource: classpath*: is for finding many, a single file is read from classpath:.
        this.catalogueLocation = catalogueLocation;
        this.tokens = tokens;
        this.clock = clock;
        // Steps are measured on the hub's clock, which the demo may run fast.
        this.step = Duration.ofMillis((long) (stepAfter.toMillis() * speed));
    }

    @EventListener
    void start(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web) {
            hubUrl = "http://127.0.0.1:" + web.getWebServer().getPort();
        }
        departments.scheduleWithFixedDelay(this::work, 2, 2, TimeUnit.SECONDS);
    }

    private void work() {
        for (CatalogueDepartment department : catalogue.departments()) {
            // A department a reload has just removed, while the catalogue still lists it, has no connector.
            ConnectorSettings settings = connectors.find(department.code()).orElse(null);
            if (settings == null
                    || simulators.baseUrl(department.code()).isEmpty() && !simulators.hasBatchJob(department.code())) {
                continue;
            }
            try {
                for (OpenApplication open : store.openSince(department.code(), clock.instant().minus(step))) {
                    advance(department, settings, open);
                }
            } catch (RuntimeException | IOException | TemplateException | InterruptedException e) {
                LOG.warn("Simulated {} could not move its applications on: {}", department.code(), e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void advance(CatalogueDepartment department, ConnectorSettings settings, OpenApplication open)
            throws IOException, TemplateException, InterruptedException {
        boolean rejected = open.status() == ApplicationStatus.IN_PROCESS && Math.floorMod(open.applicationId()
                .hashCode(), 5) == 0;
        ApplicationStatus next = open.status() == ApplicationStatus.FORWARDED ? ApplicationStatus.IN_PROCESS
                : rejected ? ApplicationStatus.REJECTED : ApplicationStatus.DELIVERED;
        String code = department.codeFor(next.name());
        String reason = rejected ? REJECTION : null;
        switch (settings.protocol()) {
            case "rest" -> callBack(department.code(), open, code, reason);
            case "soap" -> answerNextPoll(department.code(), open, code, reason);
            default -> writeResultFile(department.code(), settings, open, code, reason);
        }
    }

    private void callBack(String department, OpenApplication open, String code, String reason)
            throws IOException, InterruptedException {
        String body = "{\"applicationId\": \"" + open.applicationId() + "\", \"status\": \"" + code + "\""
                + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(hubUrl + "/api/v1/departments/"
                        + department + "/status-updates"))
                .header("Authorization", "Bearer " + tokens.tokenFor(department))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            LOG.warn("Simulated {} call-back for {} answered {}", department, open.applicationId(), answer.body());
        }
    }

    private void answerNextPoll(String department, OpenApplication open, String code, String reason)
            throws IOException, TemplateException {
        StubMapping before = pollAnswers.remove(open.applicationId());
        if (before != null) {
            simulators.server(department).removeStub(before);
        }
        ConnectorSettings settings = connectors.settings(department);
        Map<String, Object> answer = new HashMap<>();
        answer.put("reference", open.departmentReference());
        answer.put("status", code);
        if (reason != null) {
            answer.put("reason", reason);
        }
        StringWriter body = new StringWriter();
        pollAnswer(department).process(answer, body);
        pollAnswers.put(open.applicationId(), simulators.server(department).stubFor(post(urlPathEqualTo(
                        settings.pollPath() != null ? settings.pollPath() : settings.submitPath()))
                .atPriority(2)
                .withHeader("SOAPAction", containing(settings.pollSoapAction()))
                .withRequestBody(containing(open.departmentReference()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody(body.toString()))));
    }

    /** The department's answer to a status poll, from its simulator folder. */
    private Template pollAnswer(String department) throws IOException {
        String location = CatalogueLocations.resourceOf(catalogueLocation, department,
                "simulator/progress/poll-answer.ftl");
        try (Reader template = new InputStreamReader(resources.getResource(location).getInputStream(),
                StandardCharsets.UTF_8)) {
            Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
            // The values go into XML: escaped as XML.
            configuration.setOutputFormat(XMLOutputFormat.INSTANCE);
            return new Template(location, template, configuration);
        }
    }

    private void writeResultFile(String department, ConnectorSettings settings, OpenApplication open, String code,
            String reason) throws IOException {
        Path outbox = simulators.sftpRoot(department).resolve(settings.batchOutbox());
        String name = "progress-" + open.applicationId() + "-" + code + ".csv";
        Path temporary = outbox.resolve(".writing-" + name);
        Map<String, String> columns = settings.resultColumns();
        Files.write(temporary, List.of(String.join(",", columns.get("applicationId"), columns.get("status"),
                columns.get("reason")), open.applicationId() + "," + code + "," + (reason == null ? "" : reason)),
                StandardCharsets.UTF_8);
        Files.move(temporary, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void destroy() {
        departments.shutdownNow();
    }
}
