package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A result file still lying in the department's outbox is not read again by a restarted hub. */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES) // starts two whole hubs itself, one after the other
class ResultFilesAfterRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aResultFileReadBeforeARestartIsNotReadAgainAfterIt(CapturedOutput output) throws Exception {
        String[] settings = {"sangam.connectors.education.batch.pollEvery=300ms"};
        String id;
        int history;
        try (HubProcess hub = HubProcess.start(dataDir, settings)) {
            HubClient client = hub.client();
            id = client.submit("portal", UUID.randomUUID().toString(),
                    Applications.forService(client, "education-migration-certificate")).json().path("applicationId")
                    .asText();
            String submitted = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> status(hub, submitted).equals("FORWARDED"));
            Path outbox = hub.bean(DepartmentSimulators.class).sftpRoot("education").resolve("outbox");
            Files.write(outbox.resolve(".writing"), List.of("hub_ref,board_ref,status,remark,reason",
                    id + ",,PROCESSING,,"), StandardCharsets.UTF_8);
            Files.move(outbox.resolve(".writing"), outbox.resolve("results-before-restart.csv"));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(hub, submitted).equals("IN_PROCESS"));
            history = historySize(hub, id);
        }

        try (HubProcess hub = HubProcess.start(dataDir, settings)) {
            Path outbox = hub.bean(DepartmentSimulators.class).sftpRoot("education").resolve("outbox");
            assertThat(Files.exists(outbox.resolve("results-before-restart.csv"))).isTrue();
            // A new file, read after the restart: proof that the hub has looked into the outbox since.
            Files.write(outbox.resolve(".writing"), List.of("hub_ref,board_ref,status,remark,reason",
                    id + ",,COMPLETED,,"), StandardCharsets.UTF_8);
            Files.move(outbox.resolve(".writing"), outbox.resolve("results-after-restart.csv"));
            String later = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> status(hub, later).equals("DELIVERED"));

            assertThat(historySize(hub, id)).isEqualTo(history + 1);
            assertThat(output.getAll()).containsOnlyOnce("Result file results-before-restart.csv of education");
        }
    }

    private static String status(HubProcess hub, String id) {
        return hub.bean(JdbcClient.class).sql("SELECT status FROM application WHERE application_id = :id")
                .param("id", id).query(String.class).single();
    }

    private static int historySize(HubProcess hub, String id) {
        return hub.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM application_history WHERE application_id = :id")
                .param("id", id).query(Integer.class).single();
    }
}
