package in.gov.sangam.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.outbox.Outbox;
import in.gov.sangam.privacy.CitizenDataCipher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices kept on PostgreSQL, as two hub nodes share it: the same key requested by two transactions at once makes one
 * notice and one outbox message (the later transaction fails on the unique key and rolls back, to be tried again by its
 * caller, and then finds the notice there); a number is kept encrypted.
 */
class NoticesOnPostgresTest {

    private static final Instant NOW = Instant.parse("2026-11-29T04:45:30Z");
    private static final String KEY = "c2FuZ2FtLWRlbW8ta2V5LW5vdC1mb3ItcHJvZC11c2U=";

    static EmbeddedPostgres postgres;
    static JdbcClient jdbc;
    static TransactionTemplate transaction;
    static Notices notices;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource database = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(database);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        notices = new Notices(new NoticeStore(jdbc), new Outbox(jdbc, new ObjectMapper(), clock),
                new CitizenDataCipher(KEY), clock);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aKeyRequestedAgainMakesNoSecondNoticeAndTheNumberIsKeptEncrypted() {
        Notice sms = Notice.sms("pg:1:citizen", "+919876501234", "en", "Sangam: appeal filed", "1107170000000000201",
                "SGM-2026-10000001");

        assertThat(request(sms)).isTrue();
        assertThat(request(sms)).isFalse();

        assertThat(notices.forApplication("SGM-2026-10000001")).singleElement().satisfies(notice -> {
            assertThat(notice.recipient()).isEqualTo("******1234");
            assertThat(notice.state()).isEqualTo(NoticeState.PENDING);
            assertThat(notice.requestedAt()).isEqualTo(NOW);
        });
        assertThat(jdbc.sql("SELECT recipient FROM notice WHERE notice_key = 'pg:1:citizen'").query(String.class)
                .single()).doesNotContain("9876501234");
        assertThat(messages("SGM-2026-10000001")).isEqualTo(1);
    }

    @Test
    void twoTransactionsRequestingOneKeyAtOnceMakeOneNotice() throws Exception {
        Notice email = Notice.email("pg:2:authority", "faa@appeals.example.gov.in", "en", "Appeal", "Text",
                "SGM-2026-10000002");
        CountDownLatch firstInserted = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            boolean made = notices.request(email);
            firstInserted.countDown();
            // Commits only once the second transaction waits on its uncommitted row.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM pg_locks WHERE NOT granted").query(Integer.class).single() > 0);
            return made;
        }));
        await(firstInserted);
        // It does not see the first's row yet, inserts, waits on the unique key, then finds the key taken.
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> request(email));

        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DuplicateKeyException.class);
        // Its caller tries again, and is told the notice exists.
        assertThat(request(email)).isFalse();
        assertThat(notices.forApplication("SGM-2026-10000002")).hasSize(1);
        assertThat(messages("SGM-2026-10000002")).isEqualTo(1);
    }

    private static boolean request(Notice notice) {
        return Boolean.TRUE.equals(transaction.execute(status -> notices.request(notice)));
    }

    private static int messages(String applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE aggregate_id = :id AND message_type = :type")
                .param("id", applicationId).param("type", Notices.MESSAGE_TYPE).query(Integer.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
