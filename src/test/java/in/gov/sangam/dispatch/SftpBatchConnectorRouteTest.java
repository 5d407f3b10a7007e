package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import freemarker.template.TemplateException;
import in.gov.sangam.applications.ApplicationStore;
import in.gov.sangam.support.RouteSlice;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The batch-file connector's route templates ({@code routes/connector-sftp-batch.yaml}) on their own: the request
 * side from a department's queue on a real embedded broker, the result side reading a local folder where the
 * department's SFTP outbox would be. The beans they call are mocks; what is checked is the routes' decisions.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = {RouteSlice.class, SftpBatchConnectorRouteTest.Repository.class}, properties = {
    "camel.main.routes-include-pattern=classpath:routes/connector-sftp-batch.yaml",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
class SftpBatchConnectorRouteTest {

    private static final String QUEUE = "jms:queue:sangam.dispatch.education";
    private static final String MESSAGE = "{\"applicationId\":\"SGM-2026-0000042\"}";
    /** Where the department's SFTP outbox would be: a local folder the result route reads the same way. */
    private static final Path OUTBOX = RouteSlice.temporaryFolder("sftp-outbox-");

    /** The result files' locks and the files done, in memory here (the hub keeps them in the database). */
    static class Repository {
        @Bean
        MemoryIdempotentRepository resultFileLocks() {
            return new MemoryIdempotentRepository();
        }

        @Bean
        MemoryIdempotentRepository resultFilesDone() {
            return new MemoryIdempotentRepository();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** The department's circuit, as Connectors binds it; a test may force it open. */
        @Bean("circuitBreaker-education")
        CircuitBreaker circuitBreaker() {
            return CircuitBreaker.ofDefaults("education");
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "dispatcher")
    Dispatcher dispatcher;
    @MockitoBean(name = "applicationStore")
    ApplicationStore store;
    @MockitoBean(name = "connectorHealth")
    ConnectorHealth health;
    @Autowired
    CircuitBreaker circuitBreaker;
    @MockitoBean(name = "resultFiles")
    ResultFiles resultFiles;
    @Autowired
    MemoryIdempotentRepository resultFileLocks;
    @Autowired
    MemoryIdempotentRepository resultFilesDone;

    MockEndpoint request;
    MockEndpoint inbox;
    /** Whatever any file was read as, and each row handed on, since the test began. */
    final List<String> applied = new CopyOnWriteArrayList<>();
    final List<String> rows = new CopyOnWriteArrayList<>();

    @BeforeEach
    void routes() throws Exception {
        if (!camel.isStarted()) {
            TemplatedRouteBuilder.builder(camel, "sftp-batch-connector").routeId("dispatch-education")
                    .parameter("department", "education")
                    .parameter("template", "connectors/education/mappings/request.csv.ftl")
                    .parameter("inbox", "mock:inbox")
                    .parameter("circuitBreaker", "circuitBreaker-education")
                    .parameter("retries", "1")
                    .parameter("retryDelay", "10")
                    .add();
            TemplatedRouteBuilder.builder(camel, "sftp-batch-results").routeId("results-education")
                    .parameter("department", "education")
                    .parameter("outbox", "file:" + OUTBOX)
                    .parameter("every", "100")
                    .add();
            AdviceWith.adviceWith(camel, "dispatch-education",
                    route -> route.weaveByToUri("freemarker:*").replace().to("mock:request"));
            camel.start();
        }
        request = camel.getEndpoint("mock:request", MockEndpoint.class);
        request.reset();
        inbox = camel.getEndpoint("mock:inbox", MockEndpoint.class);
        inbox.reset();
        circuitBreaker.transitionToClosedState();
        doAnswer(call -> {
            call.<Exchange>getArgument(0).setProperty("SangamApplicationId", "SGM-2026-0000042");
            call.<Exchange>getArgument(0).getMessage().setBody(Map.of("application", "model"));
            return null;
        }).when(dispatcher).prepare(any());
        // Every test's files stay in the outbox: each test counts the reads of its own files.
        // What a file was read as, once per read; each of its rows then goes to resultFiles on its own.
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            applied.add(exchange.getProperty("SangamDepartment") + " "
                    + exchange.getProperty("SangamResultFileKey") + " " + exchange.getProperty("SangamResultFile"));
            return true;
        }).when(resultFiles).readHeader(any());
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            rows.add(exchange.getMessage().getHeader(Exchange.FILE_NAME) + " "
                    + exchange.getProperty(Exchange.SPLIT_INDEX) + " " + exchange.getMessage().getBody());
            return null;
        }).when(resultFiles).applyCsvRow(any());
    }

    /** What the route read the file {@code name} as, one entry per read. */
    private List<String> applied(String name) {
        return applied.stream().filter(read -> read.startsWith("education education/" + name + "-")).toList();
    }

    @Test
    void anApplicationIsRenderedAndUploadedToTheDepartmentsInboxUnderItsOwnName() throws Exception {
        request.expectedBodiesReceived(Map.of("application", "model"));
        inbox.expectedBodiesReceived(Map.of("application", "model"));
        inbox.expectedHeaderReceived(Exchange.FILE_NAME, "SGM-2026-0000042.csv");

        producer.sendBody(QUEUE, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(store).markHandedOver(
                eq("SGM-2026-0000042"), any(Instant.class)));
        request.assertIsSatisfied();
        inbox.assertIsSatisfied();
        verify(health).succeeded("education");
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void anApplicationAlreadyWithItsDepartmentIsNotWrittenAgain() throws Exception {
        doThrow(new AlreadyWithDepartmentException("SGM-2026-0000042 is FORWARDED")).when(dispatcher).prepare(any());

        producer.sendBody(QUEUE, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).prepare(any()));
        assertThat(request.getReceivedCounter()).isZero();
        assertThat(inbox.getReceivedCounter()).isZero();
        verify(store, never()).markHandedOver(any(), any());
    }

    /** A write that fails once is tried again by the route, in place: the broker never sees it. */
    @Test
    void anInboxThatFailsOnceIsWrittenOnTheRouteOwnRetry() throws Exception {
        inbox.whenExchangeReceived(1, exchange -> {
            throw new GenericFileOperationFailedException("education's SFTP server could not be reached");
        });

        producer.sendBody(QUEUE, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(store).markHandedOver(any(), any()));
        assertThat(inbox.getReceivedCounter()).isEqualTo(2);
        verify(dispatcher, times(1)).prepare(any());
        verify(health).failed("education", "SFTP inbox could not be written");
        verify(dispatcher, never()).cannotDispatch(any());
    }

    /** Once the route's own retries are spent, the transaction rolls back and the broker redelivers the message. */
    @Test
    void anInboxThatCannotBeReachedRollsTheMessageBackForTheBrokerToRedeliver() throws Exception {
        for (int attempt = 1; attempt <= 2; attempt++) {
            inbox.whenExchangeReceived(attempt, exchange -> {
                throw new GenericFileOperationFailedException("education's SFTP server could not be reached");
            });
        }

        producer.sendBody(QUEUE, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(store).markHandedOver(any(), any()));
        assertThat(inbox.getReceivedCounter()).isEqualTo(3);
        verify(dispatcher, times(2)).prepare(any());
        verify(dispatcher, never()).cannotDispatch(any());
    }

    /** An open circuit writes nothing and is not retried in place: the message goes back to the broker. */
    @Test
    void anOpenCircuitWritesNothingAndLeavesTheMessageToTheBroker() throws Exception {
        circuitBreaker.transitionToForcedOpenState();

        producer.sendBody(QUEUE, MESSAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(dispatcher, atLeast(2)).prepare(any()));
        assertThat(inbox.getReceivedCounter()).isZero();
        verify(store, never()).markHandedOver(any(), any());
        verify(dispatcher, never()).cannotDispatch(any());
    }

    @Test
    void aRequestFileThatCannotBeRenderedIsADeadLetterAndNothingIsUploaded() throws Exception {
        request.whenAnyExchangeReceived(exchange -> {
            throw new TemplateException("The following has evaluated to null or missing", null);
        });

        producer.sendBody(QUEUE, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).cannotDispatch(any()));
        assertThat(inbox.getReceivedCounter()).isZero();
    }

    @Test
    void anApplicationThatDoesNotExistIsADeadLetterAtOnce() throws Exception {
        doThrow(new CannotDispatchException("there is no application SGM-2026-0000042"))
                .when(dispatcher).prepare(any());

        producer.sendBody(QUEUE, MESSAGE);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> verify(dispatcher, times(1)).cannotDispatch(any()));
        verify(dispatcher, times(1)).prepare(any());
    }

    @Test
    void aResultFileIsReadOnceWholeAndThenMarkedDone() throws Exception {
        String content = "hub_ref,board_ref,status,remark,reason\nSGM-2026-0000042,,PROCESSING,प्रक्रिया में,\n";

        Path file = drop("results-once.csv", content);

        // The file stays in the outbox and the route looks again every 100 ms: it is still read once.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(applied("results-once.csv")).hasSize(1));
        String key = "education/results-once.csv-" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
        assertThat(applied("results-once.csv")).containsExactly("education " + key + " " + content);
        assertThat(resultFilesDone.getCache().keySet()).filteredOn(done -> done.contains("results-once.csv"))
                .containsExactly(key);
        assertThat(file).exists();
    }

    /** A file recorded done whose lock has gone (its node restarted) is passed by: not locked, not opened. */
    @Test
    void aFileRecordedDoneIsNotLockedAgainOnceItsLockHasGone() throws Exception {
        String content = "hub_ref,status\nSGM-2026-0000042,PROCESSING\n";
        long modified = 1_796_000_000_000L;
        String key = "education/results-done-before.csv-" + content.getBytes(StandardCharsets.UTF_8).length + "-"
                + modified;
        resultFilesDone.add(key);
        drop("results-done-before.csv", content, modified);
        drop("results-after-done.csv", "hub_ref,status\n");

        // A later file read shows the route has looked since.
        await().atMost(Duration.ofSeconds(30)).until(() -> applied("results-after-done.csv").size() == 1);
        assertThat(applied("results-done-before.csv")).isEmpty();
        assertThat(resultFileLocks.contains(key)).isFalse();
    }

    @Test
    void aFileRewrittenUnderTheSameNameIsANewResultFile() throws Exception {
        drop("results-again.csv", "hub_ref,status\nSGM-2026-0000042,PROCESSING\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> applied("results-again.csv").size() == 1);

        drop("results-again.csv", "hub_ref,status\nSGM-2026-0000042,PROCESSING\nSGM-2026-0000043,COMPLETED\n");

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .until(() -> applied("results-again.csv").size() == 2);
    }

    @Test
    void aFileStillBeingWrittenUnderAnotherNameIsNotRead() throws Exception {
        drop(".writing-results-soon.csv", "hub_ref,status\n");
        drop("results-soon.csv.part", "hub_ref,status\n");
        drop("results-now.csv", "hub_ref,status\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> applied("results-now.csv").size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .until(() -> applied("results-soon.csv").isEmpty() && applied("results-soon.csv.part").isEmpty());
    }

    @Test
    void aFileWhoseRowsCouldNotBeAppliedIsReadAgainAtTheNextLookUntilTheyAre() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            applied.add(exchange.getProperty("SangamDepartment") + " "
                    + exchange.getProperty("SangamResultFileKey") + " " + exchange.getProperty("SangamResultFile"));
            if (exchange.getProperty("SangamResultFileKey", String.class).contains("results-failing.csv")
                    && failures.incrementAndGet() <= 2) {
                throw new IllegalStateException("the database is away");
            }
            return true;
        }).when(resultFiles).readHeader(any());

        drop("results-failing.csv", "hub_ref,status\nSGM-2026-0000042,PROCESSING\n");

        // Not marked done while it fails; read no more once it went through.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .until(() -> applied("results-failing.csv").size() == 3);
        assertThat(resultFilesDone.getCache().keySet()).filteredOn(key -> key.contains("results-failing.csv"))
                .hasSize(1);
    }

    /**
     * The csv data format reads the file (quoted fields with commas and doubled quotes, non-ASCII text) and each row
     * goes on its own, numbered by its line: a blank line is passed on as such, so the numbers stay the lines'.
     */
    @Test
    void eachRowOfAResultFileIsHandedOnByItselfWithItsLine() throws Exception {
        drop("results-rows.csv", "hub_ref,status,remark\nSGM-2026-0000042,PROCESSING,\"Bhat, \"\"Aisha\"\"\"\n\n"
                + "SGM-2026-0000043,COMPLETED,प्रमाणपत्र जारी\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.stream()
                .filter(row -> row.startsWith("results-rows.csv ")).count() == 3);
        assertThat(rows).filteredOn(row -> row.startsWith("results-rows.csv ")).containsExactly(
                "results-rows.csv 1 [SGM-2026-0000042, PROCESSING, Bhat, \"Aisha\"]",
                "results-rows.csv 2 []",
                "results-rows.csv 3 [SGM-2026-0000043, COMPLETED, प्रमाणपत्र जारी]");
    }

    /** A file no CSV reader can split into rows (a quote never closed) is kept whole; it does not stop the route. */
    @Test
    void aFileThatIsNotCsvIsKeptWholeAndTheNextFileIsRead() throws Exception {
        drop("results-broken.csv", "hub_ref,status\nSGM-2026-0000042,\"PROCESSING\n");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(resultFiles).rejectFile(any()));

        drop("results-after-broken.csv", "hub_ref,status\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> applied("results-after-broken.csv").size() == 1);
        verify(resultFiles, times(1)).rejectFile(any());
    }

    @Test
    void aReplayedResultRowIsAppliedOnItsOwn() throws Exception {
        producer.sendBody("jms:queue:sangam.result-rows", "SGM-2026-0000042,,PROCESSING,,");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> verify(resultFiles).applyReplayed(any()));
    }

    /** Writes a file aside and moves it in, as a department's batch job must. */
    private static Path drop(String name, String content) throws Exception {
        return drop(name, content, System.currentTimeMillis());
    }

    /** Writes a file aside, as written at {@code modified}, and moves it in. */
    private static Path drop(String name, String content, long modified) throws Exception {
        Path aside = Files.createTempFile(OUTBOX.getParent(), "writing-", ".tmp");
        Files.writeString(aside, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(aside, FileTime.fromMillis(modified));
        return Files.move(aside, OUTBOX.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
