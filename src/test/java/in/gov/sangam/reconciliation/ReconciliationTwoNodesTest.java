package in.gov.sangam.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.HubProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two hub nodes on one PostgreSQL, each with the reconciler's timer running often: both sweep, in turns, and an
 * abandoned result-file claim is released once.
 */
class ReconciliationTwoNodesTest {

    private static final String KEY = "education/results-of-a-node-that-died.csv-10-1796000000000";

    @TempDir
    Path nodeA;

    @TempDir
    Path nodeB;

    @Test
    void bothNodesSweepOnTheirScheduleInTurnsAndAClaimIsReleasedOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String[] settings = {"spring.profiles.active=default,postgres",
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "sangam.reconciliation.every=200ms"};
            try (HubProcess first = HubProcess.start(nodeA, settings)) {
                // The second node's broker id is Spring Boot's next free one: a fixed one could be held already.
                try (HubProcess second = HubProcess.start(nodeB, concat(settings, first.sameDepartments()))) {
                    JdbcClient jdbc = first.bean(JdbcClient.class);
                    Set<String> nodes = Set.of(first.bean(ReconciliationLease.class).node(),
                            second.bean(ReconciliationLease.class).node());
                    jdbc.sql("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) "
                                    + "VALUES ('result-files', :key, :at)")
                            .param("key", KEY).param("at", Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
                            .update();

                    await().atMost(Duration.ofSeconds(60)).until(() -> findingsFor(jdbc) > 0);
                    // Which node swept last, looked at often: both show up, each sweeping on its own timer, and
                    // neither releases the claim a second time.
                    Set<String> swept = new HashSet<>();
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                        swept.add(jdbc.sql("SELECT node FROM reconciliation_sweep WHERE kind = :kind")
                                .param("kind", StuckKind.RESULT_FILE_CLAIMS_ABANDONED.code())
                                .query(String.class).single());
                        return swept.containsAll(nodes);
                    });

                    assertThat(findingsFor(jdbc)).isEqualTo(1);
                    assertThat(jdbc.sql("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = :key")
                            .param("key", KEY).query(Integer.class).single()).isZero();
                }
            }
        }
    }

    private static int findingsFor(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM reconciliation_action WHERE result_file = :key").param("key", KEY)
                .query(Integer.class).single();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
