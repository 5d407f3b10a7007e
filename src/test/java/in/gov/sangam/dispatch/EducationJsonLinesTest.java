package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department whose result files are JSON lines ({@code batch.resultFormat: jsonl}): one object a line, its fields
 * named as its {@code resultColumns} say. Education's folder, switched to JSON lines, on a hub of its own.
 */
class EducationJsonLinesTest extends HubIntegrationTest {

    @DynamicPropertySource
    static void jsonLines(DynamicPropertyRegistry registry) {
        ownHub(registry);
        registry.add("sangam.connectors.education.batch.resultFormat", () -> "jsonl");
    }

    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachLineIsAppliedOnItsOwnAndABadLineIsADeadLetterNamingFileAndLine() throws Exception {
        ApplicationRows rows = new ApplicationRows(jdbc);
        String first = submit();
        String second = submit();
        Path sftp = simulators.sftpRoot("education");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(sftp.resolve("inbox/.answered/" + second
                + ".csv")) || Files.exists(sftp.resolve("inbox/" + second + ".csv")));

        drop(sftp, "results-1.jsonl",
                "{\"hub_ref\":\"" + first + "\",\"board_ref\":\"BSE/2026/1\",\"status\":\"ACCEPTED\"}",
                "this is not JSON",
                "",
                "{\"status\":\"ACCEPTED\",\"hub_ref\":\"" + second + "\",\"remark\":\"Received, \\\"in full\\\"\"}");

        await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(first).equals("FORWARDED")
                && rows.status(second).equals("FORWARDED"));
        assertThat(rows.reference(first)).isEqualTo("BSE/2026/1");
        List<String> reasons = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reasons.clear();
            for (JsonNode letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
                reasons.add(letter.path("reason").asText());
            }
            return reasons.stream().anyMatch(reason -> reason.startsWith("results-1.jsonl line 2: not a JSON object"));
        });
        assertThat(reasons).noneMatch(reason -> reason.startsWith("results-1.jsonl line 3"));
    }

    private String submit() {
        return hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "education-migration-certificate")).json().path("applicationId").asText();
    }

    private static void drop(Path sftp, String name, String... lines) throws Exception {
        Path temporary = sftp.resolve("outbox/.writing-" + name);
        Files.write(temporary, List.of(lines), StandardCharsets.UTF_8);
        Files.move(temporary, sftp.resolve("outbox/" + name), StandardCopyOption.ATOMIC_MOVE);
    }
}
