package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.HubProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two hub nodes on one PostgreSQL read the same department's outbox: each node reads result files, and each result
 * file is read by one of them.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES) // starts two whole hubs and a PostgreSQL itself
class TwoHubNodesTest {

    private static final String RESULTS = "results-education";

    @TempDir
    Path nodeA;

    @TempDir
    Path nodeB;

    @Test
    void eachNodeReadsResultFilesAndEachFileIsReadOnceBetweenThem(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            String[] database = {"spring.profiles.active=default,postgres", "spring.datasource.url=" + url,
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "sangam.connectors.education.batch.pollEvery=100ms"};
            try (HubProcess first = HubProcess.start(nodeA, database)) {
                Path outbox = first.bean(DepartmentSimulators.class).sftpRoot("education").resolve("outbox");
                // The second node's broker id is Spring Boot's next free one: a fixed one could be held already.
                try (HubProcess second = HubProcess.start(nodeB, concat(database, first.sameDepartments()))) {
                    CamelContext a = first.bean(CamelContext.class);
                    CamelContext b = second.bean(CamelContext.class);

                    // Each node on its own reads a file: both really look into the outbox.
                    readBy("the second node", b, a, outbox, "results-two-nodes-b.csv");
                    readBy("the first node", a, b, outbox, "results-two-nodes-a.csv");

                    // Both look at once: every file is read, each by one node.
                    for (int i = 1; i <= 20; i++) {
                        drop(outbox, "results-two-nodes-" + i + ".csv");
                    }
                    JdbcClient jdbc = second.bean(JdbcClient.class);
                    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                            "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'result-files-done' "
                            + "AND messageId LIKE 'education/results-two-nodes-%'")
                            .query(Integer.class).single() == 22);
                    for (int i = 1; i <= 20; i++) {
                        assertThat(output.getAll()).containsOnlyOnce(
                                "Result file results-two-nodes-" + i + ".csv of education: ");
                    }
                    assertThat(output.getAll()).containsOnlyOnce("Result file results-two-nodes-a.csv of education: ")
                            .containsOnlyOnce("Result file results-two-nodes-b.csv of education: ");
                }
            }
        }
    }

    /** Drops a file while only {@code reader} looks into the outbox, and waits until that node has read it. */
    private static void readBy(String node, CamelContext reader, CamelContext paused, Path outbox, String name)
            throws Exception {
        paused.getRouteController().stopRoute(RESULTS);
        try {
            NotifyBuilder read = new NotifyBuilder(reader).fromRoute(RESULTS).whenCompleted(1).create();
            drop(outbox, name);
            assertThat(read.matches(60, TimeUnit.SECONDS)).as(name + " read by " + node).isTrue();
        } finally {
            paused.getRouteController().startRoute(RESULTS);
        }
    }

    private static void drop(Path outbox, String name) throws Exception {
        Path temporary = outbox.resolve(".writing-" + name);
        Files.write(temporary, List.of("hub_ref,board_ref,status,remark,reason",
                String.format("SGM-2026-%07d,,PROCESSING,,", 9_990_000 + Math.floorMod(name.hashCode(), 10_000))),
                StandardCharsets.UTF_8);
        Files.move(temporary, outbox.resolve(name));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
