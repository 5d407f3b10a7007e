package in.gov.sangam.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.support.MigratedDatabases;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two relays (two hub nodes) claiming from one outbox, on H2 and on a real PostgreSQL: each takes the oldest
 * unpublished messages the other does not hold, never a published one, and takes over a claim that ran out.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OutboxClaimsTest {

    @RegisterExtension
    static final PreparedDbExtension POSTGRES = MigratedDatabases.postgres();

    @Test
    void twoRelaysShareTheOutboxOnH2() {
        twoRelaysShareTheOutbox(MigratedDatabases.freshH2("outbox"));
    }

    @Test
    void twoRelaysShareTheOutboxOnPostgres() {
        twoRelaysShareTheOutbox(POSTGRES.getTestDatabase());
    }

    private static void twoRelaysShareTheOutbox(DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        Outbox first = new Outbox(jdbc, new ObjectMapper(), Clock.systemUTC());
        Outbox second = new Outbox(jdbc, new ObjectMapper(), Clock.systemUTC());
        // Called without Spring here, each statement commits on its own: the outbox needs no caller's transaction.
        List<String> added = List.of("m1", "m2", "m3", "m4", "m5").stream()
                .map(id -> first.add(id, "sangam.dispatch.health", "DispatchRequested", id, Map.of("n", id)))
                .toList();
        assertThat(added).containsExactly("m1", "m2", "m3", "m4", "m5");
        first.markPublished(idOf(jdbc, "m1"));

        assertThat(messageIds(first.claim(2))).as("the oldest unpublished").containsExactly("m2", "m3");
        assertThat(messageIds(second.claim(10))).as("what the first does not hold").containsExactly("m4", "m5");
        assertThat(first.claim(10)).as("all held").isEmpty();

        first.markPublished(List.of(idOf(jdbc, "m2"), idOf(jdbc, "m3")));
        assertThat(first.claim(10)).as("the second's claim still runs").isEmpty();

        // The second relay dies: its claim runs out, and the first takes its messages over.
        jdbc.sql("UPDATE outbox_message SET claimed_until = claimed_until - INTERVAL '1' MINUTE"
                + " WHERE claimed_by IS NOT NULL AND published_at IS NULL").update();
        List<OutboxMessage> takenOver = first.claim(10);
        assertThat(messageIds(takenOver)).containsExactly("m4", "m5");
        assertThat(takenOver.get(0).payload()).isEqualTo("{\"n\":\"m4\"}");
        assertThat(first.countPending()).isEqualTo(2);
    }

    private static long idOf(JdbcClient jdbc, String messageId) {
        return jdbc.sql("SELECT id FROM outbox_message WHERE message_id = :id").param("id", messageId)
                .query(Long.class).single();
    }

    private static List<String> messageIds(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::messageId).toList();
    }
}
