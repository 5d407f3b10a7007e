package in.gov.sangam.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two hub nodes on one PostgreSQL, both taking submissions and status updates at once, still write one audit chain:
 * numbered 1..n without a gap or a repeat, every entry following the one before.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // starts two whole hubs and a PostgreSQL itself
class AuditTwoNodesTest {

    private static final int APPLICATIONS = 24;
    private static final String HEALTH_CALLBACK = "/api/v1/departments/health/status-updates";

    @TempDir
    Path nodeA;

    @TempDir
    Path nodeB;

    @Test
    void twoNodesWritingAtOnceMakeOneChain() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String[] database = {"spring.profiles.active=default,postgres",
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                // Only the tests' own calls change applications.
                "sangam.connectors.dispatch-enabled=false"};
            try (HubProcess first = HubProcess.start(nodeA, database);
                    HubProcess second = HubProcess.start(nodeB, concat(database, first.sameDepartments()))) {
                List<HubClient> nodes = List.of(first.client(), second.client());
                String application = Applications.forService(nodes.get(0), "health-birth-registration");
                ExecutorService callers = Executors.newFixedThreadPool(8);
                try {
                    List<Callable<String>> submissions = new ArrayList<>();
                    for (int i = 0; i < APPLICATIONS; i++) {
                        HubClient node = nodes.get(i % 2);
                        submissions.add(() -> {
                            Answer answer = node.submit("portal", UUID.randomUUID().toString(), application);
                            assertThat(answer.status()).isEqualTo(201);
                            return answer.json().path("applicationId").asText();
                        });
                    }
                    List<String> ids = new ArrayList<>();
                    for (Future<String> id : callers.invokeAll(submissions)) {
                        ids.add(id.get());
                    }

                    // Every application is taken up through both nodes at once (one of the two changes it)...
                    List<Callable<Void>> takenUp = new ArrayList<>();
                    // ...then moved on through one node and the other, all applications at the same time.
                    List<Callable<Void>> movedOn = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        String id = ids.get(i);
                        HubClient one = nodes.get(i % 2);
                        HubClient other = nodes.get((i + 1) % 2);
                        takenUp.add(() -> report(one, id, "REG"));
                        takenUp.add(() -> report(other, id, "REG"));
                        movedOn.add(() -> {
                            report(other, id, "SCR");
                            return report(one, id, "APR");
                        });
                    }
                    for (Future<Void> update : callers.invokeAll(takenUp)) {
                        update.get();
                    }
                    for (Future<Void> update : callers.invokeAll(movedOn)) {
                        update.get();
                    }
                } finally {
                    callers.shutdown();
                }

                // Verifying seals every committed entry first, on whichever node is asked.
                long expected = APPLICATIONS * 4L;
                for (HubClient node : nodes) {
                    JsonNode verification = node.post("/api/v1/admin/audit/verification", "admin", null,
                            "application/json", "").json();
                    assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
                    assertThat(verification.path("entriesChecked").asLong()).isEqualTo(expected);
                    assertThat(verification.path("headSequence").asLong()).isEqualTo(expected);
                }
                JdbcClient jdbc = second.bean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT sequence FROM audit_entry ORDER BY sequence").query(Long.class).list())
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
                assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single()).isZero();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE status = 'DELIVERED'")
                        .query(Long.class).single()).isEqualTo(APPLICATIONS);
            }
        }
    }

    private static Void report(HubClient node, String id, String status) {
        Answer answer = node.post(HEALTH_CALLBACK, "dept-health", null, "application/json",
                "{\"applicationId\": \"" + id + "\", \"status\": \"" + status + "\"}");
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return null;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
