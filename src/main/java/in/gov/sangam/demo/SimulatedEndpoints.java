package in.gov.sangam.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;

/**
 * Points the connectors of the demo's departments at their simulators, from outside: for each department folder
 * with a {@code simulator/} folder whose endpoint is not configured (neither its {@code connector.yaml} placeholder,
 * e.g. {@code SANGAM_HEALTH_URL}, nor {@code sangam.connectors.<department>.endpoint}), it picks the simulator's
 * port and sets {@code sangam.connectors.<department>.endpoint} to it, as an operator would set the real system's,
 * and gives the secrets its connector.yaml names by reference, where nobody set them, the simulator's value. The
 * connectors never know a simulator is there. Only in the default profile, with {@code sangam.simulators.enabled};
 * {@link DepartmentSimulators} then starts each simulator where its endpoint says.
 *
 * <p>It runs before the application context exists, because the connectors read their endpoints when they are made.
 */
public class SimulatedEndpoints implements EnvironmentPostProcessor, Ordered {

    /** Where the chosen endpoints are kept, per department: {@code sangam.demo.simulated.<department>}. */
    static final String SIMULATED = "sangam.demo.simulated";
    /** The property source that holds what the demo set, last of all, so anything configured explicitly wins. */
    static final String PROPERTY_SOURCE = "demo-simulated-endpoints";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * What a simulated department's secrets are, where nobody set them: the value its simulator's mappings (or its SFTP
     * server) take, so that a folder added with a simulator runs in the demo with no edit elsewhere.
     */
    static final String SIMULATOR_SECRET = "simulator-only";
    /** The simulated SMS gateway's name among the simulators (sangam.demo.simulators.sms-gateway.port fixes its port). */
    static final String SMS_GATEWAY = "sms-gateway";
    /** Where the simulated SMS gateway listens, once chosen. */
    static final String SIMULATED_SMS_GATEWAY = "sangam.demo.simulated-sms-gateway";
    /** The demo's mail server's name among the simulators (sangam.demo.simulators.mail.port, .imap-port fix its ports). */
    static final String MAIL = "mail";
    /** Where the demo's mail server takes mail (smtp://host:port) and shows it (imap://host:port), once chosen. */
    static final String SIMULATED_MAIL_SMTP = "sangam.demo.simulated-mail.smtp";
    static final String SIMULATED_MAIL_IMAP = "sangam.demo.simulated-mail.imap";
    /** An environment variable named by reference without a default ({@code ${SANGAM_HEALTH_PASSWORD}}). */
    private static final Pattern SECRET = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("default"))
                || !environment.getProperty("sangam.simulators.enabled", Boolean.class, false)) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        DepartmentFolders.connectorFiles(environment).forEach((department, connectorFile) ->
                properties.putAll(simulate(environment, department, connectorFile)));
        simulateSmsGateway(environment, properties);
        simulateMailServer(environment, properties);
        // Last: anything configured explicitly still wins.
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    /**
     * What points one department at a simulator: its endpoint (a free port, unless fixed) and the secrets its folder
     * names by reference and nobody set. Nothing when its folder has no simulator or its endpoint is configured. Also
     * used for a folder added while the hub runs (a catalogue reload).
     */
    static Map<String, Object> simulate(ConfigurableEnvironment environment, String department,
            Resource connectorFile) {
        String text = read(connectorFile);
        JsonNode connector = parse(text, connectorFile);
        if (!DepartmentFolders.hasSimulator(environment, department)
                || configured(environment, department, connector)) {
            return Map.of();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        boolean batch = "sftp-batch".equals(connector.path("protocol").asText());
        int port = environment.getProperty("sangam.demo.simulators." + department + ".port", Integer.class, 0);
        String endpoint = (batch ? "sftp" : "http") + "://127.0.0.1:" + (port == 0 ? freePort() : port);
        properties.put("sangam.connectors." + department + ".endpoint", endpoint);
        properties.put(SIMULATED + "." + department, endpoint);
        if (batch) {
            // The simulator makes a new host key on each start; a real server's must be known.
            properties.put("sangam.connectors." + department + ".batch.hostKeyChecking", "no");
        }
        // The secrets the folder names by reference and nobody set: the value its simulator takes.
        String endpointVariable = connector.path("endpoint").asText("");
        secretsNamedIn(text).stream()
                .filter(name -> environment.getProperty(name) == null && !endpointVariable.contains(name))
                .forEach(name -> properties.put(name, SIMULATOR_SECRET));
        return properties;
    }

    /**
     * The survey SMS go to the simulated gateway (sangam.sms.gateway=simulator), which speaks Kannel's API: its send
     * URL and password are given through the variables an operator sets for a real Kannel, unless set.
     */
    private static void simulateSmsGateway(ConfigurableEnvironment environment, Map<String, Object> properties) {
        if (!"simulator".equals(environment.getProperty("sangam.sms.gateway"))) {
            return;
        }
        int port = environment.getProperty("sangam.demo.simulators." + SMS_GATEWAY + ".port", Integer.class, 0);
        String base = "http://127.0.0.1:" + (port == 0 ? freePort() : port);
        properties.put(SIMULATED_SMS_GATEWAY, base);
        if (environment.getProperty("SANGAM_KANNEL_SEND_URL") == null) {
            properties.put("SANGAM_KANNEL_SEND_URL", base + "/cgi-bin/sendsms");
        }
        if (environment.getProperty("SANGAM_KANNEL_PASSWORD") == null) {
            properties.put("SANGAM_KANNEL_PASSWORD", SIMULATOR_SECRET);
        }
    }

    /**
     * The e-mail notices go to the demo's mail server, unless an SMTP server is set (SANGAM_SMTP_HOST): its address is
     * given through the variables an operator sets for a real one.
     */
    private static void simulateMailServer(ConfigurableEnvironment environment, Map<String, Object> properties) {
        if (environment.getProperty("SANGAM_SMTP_HOST") != null) {
            return;
        }
        String prefix = "sangam.demo.simulators." + MAIL;
        int smtp = environment.getProperty(prefix + ".port", Integer.class, 0);
        int imap = environment.getProperty(prefix + ".imap-port", Integer.class, 0);
        int smtpPort = smtp == 0 ? freePort() : smtp;
        int imapPort = imap == 0 ? freePort() : imap;
        properties.put(SIMULATED_MAIL_SMTP, "smtp://127.0.0.1:" + smtpPort);
        properties.put(SIMULATED_MAIL_IMAP, "imap://127.0.0.1:" + imapPort);
        properties.put("SANGAM_SMTP_HOST", "127.0.0.1");
        properties.put("SANGAM_SMTP_PORT", smtpPort);
    }

    /** Whether the department's endpoint is set already: by an override, or by its connector.yaml's placeholder. */
    private static boolean configured(ConfigurableEnvironment environment, String department, JsonNode connector) {
        if (environment.getProperty("sangam.connectors." + department + ".endpoint") != null) {
            return true;
        }
        String endpoint = connector.path("endpoint").asText("");
        return !endpoint.isBlank() && !environment.resolvePlaceholders(endpoint).contains("${");
    }

    /**
     * The environment variables a connector.yaml names without a default: the secrets it names by reference (a
     * property such as {@code ${sangam.connectors.transport.endpoint}} inside another placeholder's default is not one).
     */
    private static List<String> secretsNamedIn(String connectorText) {
        Matcher placeholder = SECRET.matcher(connectorText);
        List<String> names = new ArrayList<>();
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    private static String read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo could not read " + file.getDescription(), e);
        }
    }

    private static JsonNode parse(String text, Resource file) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo could not read " + file.getDescription(), e);
        }
    }

    private static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", candidate));
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo found no free port for a simulator", e);
        }
    }

    /** After the configuration files, profiles included, are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
