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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two hub nodes on one PostgreSQL read the same department's outbox: each result file is read by one of them. */
@ExtendWith(OutputCaptureExtension.class)
class TwoHubNodesTest {

    @TempDir
    Path nodeA;

    @TempDir
    Path nodeB;

    @Test
    void eachResultFileIsReadOnceBetweenTwoNodes(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            String[] database = {"spring.profiles.active=default,postgres", "spring.datasource.url=" + url,
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "sangam.connectors.education.batch.pollEvery=100ms"};
            try (HubProcess first = HubProcess.start(nodeA, database)) {
                Path outbox = first.bean(DepartmentSimulators.class).sftpRoot("education").resolve("outbox");
                try (HubProcess second = HubProcess.start(nodeB, concat(concat(database,
                        "spring.artemis.embedded.server-id=1"), first.sameDepartments()))) {
                    for (int i = 1; i <= 20; i++) {
                        Path temporary = outbox.resolve(".writing-" + i);
                        Files.write(temporary, List.of("hub_ref,board_ref,status,remark,reason",
                                "SGM-2026-99999" + (10 + i) + ",,PROCESSING,,"), StandardCharsets.UTF_8);
                        Files.move(temporary, outbox.resolve("results-two-nodes-" + i + ".csv"));
                    }

                    JdbcClient jdbc = second.bean(JdbcClient.class);
                    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                            "SELECT COUNT(*) FROM result_file_done WHERE file_key LIKE 'education/results-two-nodes-%'")
                            .query(Integer.class).single() == 20);
                    for (int i = 1; i <= 20; i++) {
                        assertThat(output.getAll()).containsOnlyOnce("Result file results-two-nodes-" + i + ".csv of education: ");
                    }
                }
            }
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
