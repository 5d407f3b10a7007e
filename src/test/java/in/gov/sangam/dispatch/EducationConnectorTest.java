package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The education department's batch files over SFTP, with an embedded SFTP server and batch job. */
class EducationConnectorTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JdbcClient jdbc;

    ApplicationRows rows;
    @Autowired
    CamelContext camel;

    Path sftp;

    @BeforeEach
    void simulator() {
        rows = new ApplicationRows(jdbc);
        sftp = simulators.sftpRoot("education");
    }

    @Test
    void aRequestFileGoesToTheInboxAndTheResultFileBringsTheApplicationBackForwarded() throws IOException {
        String id = submit();

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED"));

        assertThat(rows.reference(id)).isEqualTo("EDUCATION/" + Year.now() + "/" + id);
        List<String> request = Files.readAllLines(sftp.resolve("inbox/.answered/" + id + ".csv"));
        assertThat(request.get(0)).isEqualTo("hub_ref,service,applicant_name,mobile,district,received_on,form");
        assertThat(request).hasSize(2);
        assertThat(request.get(1)).startsWith(id + ",education-").contains(",\"Aisha Bhat\",9876543210,")
                .contains(",29-11-2026,\"{\"\"");

        // The department's batch job reports the rest of the way in later result files.
        drop("results-later-" + id + ".csv", "hub_ref,board_ref,status,remark,reason",
                id + ",,PROCESSING,With the examinations wing,");
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("IN_PROCESS"));
        // The department's columns are found by the header, in whatever order the department writes them.
        drop("results-final-" + id + ".csv", "status,remark,hub_ref",
                "COMPLETED,Migration certificate issued," + id);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("DELIVERED"));
        List<String> steps = new ArrayList<>();
        hub.get("/api/v1/applications/" + id, "portal").json().path("history")
                .forEach(step -> steps.add(step.path("status").asText()));
        assertThat(steps).containsExactly("SUBMITTED", "FORWARDED", "IN_PROCESS", "DELIVERED");
    }

    @Test
    void aNameAFormulaWouldStartReachesTheRequestFileAsText() throws IOException {
        for (String name : List.of("=HYPERLINK(\"http://evil.example/x\",\"Click\")", "+cmd|' /C calc'!A0",
                "-2+3", "@SUM(A1:A9)")) {
            String id = hub.submit("portal", UUID.randomUUID().toString(),
                    Applications.forService(hub, "education-migration-certificate")
                            .replace("\"Aisha Bhat\"", JSON.writeValueAsString(name)))
                    .json().path("applicationId").asText();

            await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED"));

            String row = Files.readAllLines(sftp.resolve("inbox/.answered/" + id + ".csv")).get(1);
            // A single quote inside the quoted cell: a spreadsheet shows the name and runs nothing.
            assertThat(row).contains(",\"'" + name.replace("\"", "\"\"") + "\",9876543210,");
        }
    }

    @Test
    void aMalformedRowIsADeadLetterNamingFileAndLineAndTheRestOfTheFileGoesThrough() throws IOException {
        String first = submit();
        String second = submit();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(first).equals("FORWARDED")
                && rows.status(second).equals("FORWARDED"));

        drop("results-by-hand-1.csv", "hub_ref,board_ref,status,remark,reason",
                first + ",,PROCESSING,With the examinations wing,",
                second + ",COMPLETED",
                second + ",,TELEPORTED,,",
                second + ",,COMPLETED,Certificate issued,");

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(second).equals("DELIVERED"));
        assertThat(rows.status(first)).isEqualTo("IN_PROCESS");
        List<String> reasons = reasonsFor(second);
        assertThat(reasons).anyMatch(r -> r.startsWith("results-by-hand-1.csv line 3: expected 5 fields"));
        assertThat(reasons).anyMatch(r -> r.startsWith("results-by-hand-1.csv line 4:") && r.contains("TELEPORTED"));
    }

    @Test
    void aRowThatCameTooEarlyCanBeReplayedOnceItsApplicationHasCaughtUp() throws Exception {
        camel.getRouteController().stopRoute("dispatch-education");
        String id;
        try {
            id = submit();
            // The department's answer arrives before the hub heard it had accepted the application.
            drop("results-by-hand-2.csv", "hub_ref,board_ref,status,remark,reason",
                    id + ",,PROCESSING,With the examinations wing,");
            String early = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> !reasonsFor(early).isEmpty());
            assertThat(reasonsFor(id).get(0)).contains("results-by-hand-2.csv line 2").contains("SUBMITTED");
        } finally {
            camel.getRouteController().startRoute("dispatch-education");
        }
        String caughtUp = id;
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(caughtUp).equals("FORWARDED"));

        long letter = deadLetterIdFor(id);
        Answer replay = hub.post("/api/v1/admin/dead-letters/" + letter + "/replay", "admin", null,
                "application/json", "");

        assertThat(replay.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(caughtUp).equals("IN_PROCESS"));
    }

    @Test
    void aResultFileIsReadOnce() throws IOException {
        String id = submit();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED"));
        drop("results-by-hand-3.csv", "hub_ref,board_ref,status,remark,reason",
                id + ",,PROCESSING,Read once,");
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("IN_PROCESS"));

        // The file stays in the department's outbox and the hub keeps looking there. A later file shows that it
        // has looked again since; the first one must not have been read a second time.
        drop("results-by-hand-4.csv", "hub_ref,board_ref,status,remark,reason", id + ",,COMPLETED,,");
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("DELIVERED"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = :done "
                        + "AND messageId LIKE :name").param("done", ResultFileRepositories.DONE)
                .param("name", "education/results-by-hand-3.csv-%").query(Integer.class).single()).isEqualTo(1);
        assertThat(reasonsFor(id)).isEmpty();
    }

    @Test
    void aFileWithoutItsHeaderIsKeptWholeAndCanBeReplayed() throws IOException {
        String id = submit();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED"));

        drop("results-by-hand-5.csv", id + ",,PROCESSING,No header above me,");

        String reason = "results-by-hand-5.csv line 1: the header must name the columns hub_ref and status (found "
                + id + ",,PROCESSING,No header above me,); the whole file is kept";
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> letterWithReasonStarting(
                "results-by-hand-5.csv line 1: the header must name the columns hub_ref and status"), l -> l != null);
        assertThat(letter.path("reason").asText()).isEqualTo(reason);
        assertThat(letter.path("message").asText()).contains(id + ",,PROCESSING");
        assertThat(letter.path("attempts").asInt()).isEqualTo(1);
        assertThat(rows.status(id)).isEqualTo("FORWARDED");

        Answer replay = hub.post("/api/v1/admin/dead-letters/" + letter.path("id").asLong() + "/replay", "admin",
                null, "application/json", "");

        // The replay reads the whole file again, as a file (a row's replay would find no header at all); still
        // without its header, it is kept again, once more, with the same reason and the whole file.
        assertThat(replay.status()).isEqualTo(202);
        JsonNode again = await().atMost(Duration.ofSeconds(30)).until(() -> letterWithReasonStarting(
                "results-by-hand-5.csv line 1:"), l -> l != null && l.path("attempts").asInt() == 2);
        assertThat(again.path("id").asLong()).isEqualTo(letter.path("id").asLong());
        assertThat(again.path("reason").asText()).isEqualTo(reason);
        assertThat(again.path("message").asText()).isEqualTo(letter.path("message").asText());
        assertThat(rows.status(id)).isEqualTo("FORWARDED");
    }

    /**
     * A file name as long as an SFTP server allows: its key in the processed files once stopped every poll of the
     * outbox (a key column of 100 characters), and so every result file of the department behind it.
     */
    @Test
    void aResultFileWithALongNameIsReadAndSoAreTheOthers() throws IOException {
        String id = submit();
        String other = submit();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.status(id).equals("FORWARDED")
                && rows.status(other).equals("FORWARDED"));
        String longName = "results-" + "x".repeat(188) + ".csv";
        assertThat(longName).hasSize(200);

        drop(longName, "hub_ref,board_ref,status,remark,reason", id + ",,PROCESSING,A long name,");
        drop("results-short-" + other + ".csv", "hub_ref,board_ref,status,remark,reason",
                other + ",,PROCESSING,A short name,");

        await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(id).equals("IN_PROCESS")
                && rows.status(other).equals("IN_PROCESS"));
    }

    /**
     * Two result files about one application, the later one's name sorting first: applied in the order the
     * department wrote them, the application goes IN_PROCESS and then DELIVERED (in any other order the second row
     * would be an illegal step back, a dead letter). The order of a folder's listing depends on the file system, so
     * four applications each get such a pair: listing order passes all four by chance once in sixteen runs.
     */
    @Test
    void resultFilesAreAppliedInTheOrderTheyWereWrittenNotByName() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(submit());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> rows.status(id).equals("FORWARDED")));
        long now = System.currentTimeMillis();
        camel.getRouteController().stopRoute("results-education");
        try {
            for (String id : ids) {
                // Moved into the outbox in the other order too: neither the names nor the folder's order tell.
                drop("results-a-written-second-" + id + ".csv", now - 60_000,
                        "hub_ref,board_ref,status,remark,reason", id + ",,COMPLETED,Written second,");
                drop("results-z-written-first-" + id + ".csv", now - 120_000,
                        "hub_ref,board_ref,status,remark,reason", id + ",,PROCESSING,Written first,");
            }
        } finally {
            camel.getRouteController().startRoute("results-education");
        }

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> rows.status(id).equals("DELIVERED"));
            assertThat(history(id)).as(id).containsExactly("SUBMITTED", "FORWARDED", "IN_PROCESS", "DELIVERED");
            assertThat(reasonsFor(id)).as(id).isEmpty();
        }
    }

    private List<String> history(String id) {
        List<String> steps = new ArrayList<>();
        hub.get("/api/v1/applications/" + id, "portal").json().path("history")
                .forEach(step -> steps.add(step.path("status").asText()));
        return steps;
    }

    /**
     * Request files go through one endpoint (one SFTP session) whatever their names: an endpoint per application
     * would hold a session per application open to the department's server.
     */
    @Test
    void requestFilesOfManyApplicationsGoThroughOneEndpoint() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> rows.status(id).equals("FORWARDED")));

        List<String> inboxEndpoints = camel.getEndpoints().stream().map(endpoint -> endpoint.getEndpointUri())
                .filter(uri -> uri.startsWith("sftp:") && uri.contains("/inbox")).toList();
        assertThat(inboxEndpoints).hasSize(1);
        assertThat(inboxEndpoints.get(0)).doesNotContain(ids.get(0));
    }

    private JsonNode letterWithReasonStarting(String start) {
        for (JsonNode letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (letter.path("reason").asText().startsWith(start)) {
                return letter;
            }
        }
        return null;
    }

    private void drop(String name, String... lines) throws IOException {
        drop(name, System.currentTimeMillis(), lines);
    }

    /** Writes a result file aside, as written at {@code modified}, and moves it into the outbox. */
    private void drop(String name, long modified, String... lines) throws IOException {
        Path temporary = sftp.resolve("outbox/.writing-" + name);
        Files.write(temporary, List.of(lines), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(temporary, FileTime.fromMillis(modified));
        Files.move(temporary, sftp.resolve("outbox/" + name), StandardCopyOption.ATOMIC_MOVE);
    }

    private String submit() {
        return hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "education-migration-certificate")).json().path("applicationId").asText();
    }

    private List<String> reasonsFor(String id) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (letter.path("applicationId").asText().equals(id)) {
                reasons.add(letter.path("reason").asText());
            }
        }
        return reasons;
    }

    private long deadLetterIdFor(String id) {
        for (JsonNode letter : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (letter.path("applicationId").asText().equals(id)) {
                return letter.path("id").asLong();
            }
        }
        throw new AssertionError("No dead letter for " + id);
    }
}
