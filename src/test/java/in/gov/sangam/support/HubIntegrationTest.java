package in.gov.sangam.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Boots the whole hub on a random port, on its embedded defaults (H2 file database and persistent Artemis journal in a
 * fresh data directory), with a clock the test sets and metrics exported as in production. Subclasses share one
 * running hub.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {in.gov.sangam.SangamApplication.class, HubIntegrationTest.TestClock.class})
public abstract class HubIntegrationTest {

    /** 29 November 2026, 10:15:30 in India. */
    public static final Instant START = Instant.parse("2026-11-29T04:45:30Z");
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private static final Path DATA_DIR = newDataDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected HubClient hub;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        // Shared by every test class on this hub; a class that needs a hub of its own names its own (ownHub).
        registry.add("sangam.data-dir", () -> "${sangam.test.own-data-dir:" + DATA_DIR + "}");
        // Tests drive the departments' answers themselves.
        registry.add("sangam.demo.auto-progress", () -> "false");
        // Redeliveries within a test's patience (a class with a hub of its own may hold them longer).
        registry.add("sangam.broker.redelivery-delay", () -> "${sangam.test.redelivery-delay:100ms}");
        registry.add("sangam.broker.max-redelivery-delay", () -> "${sangam.test.max-redelivery-delay:1s}");
        // Status polls within a test's patience.
        registry.add("sangam.connectors.revenue.statusPolling.every", () -> "300ms");
        registry.add("sangam.connectors.education.batch.pollEvery", () -> "300ms");
    }

    /**
     * For a test class whose settings make Spring start a second hub beside the shared one: its own data directory
     * (the broker journal is locked by the hub that holds it). Its embedded broker's id is left to Spring Boot, which
     * gives each broker in the JVM the next free one: a fixed id could be one another context already holds.
     */
    protected static void ownHub(DynamicPropertyRegistry registry) {
        Path own = newDataDir();
        registry.add("sangam.test.own-data-dir", own::toString);
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        clock.set(START);
    }

    /** A fresh data directory, removed when the test JVM exits (the shared hub runs until then). */
    protected static Path newDataDir() {
        try {
            Path directory = Files.createTempDirectory("sangam-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START, IST);
        }
    }
}
