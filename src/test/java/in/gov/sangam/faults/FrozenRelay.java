package in.gov.sangam.faults;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hub's outbox relay held still between publishing a completion event and marking it published, so that a kill
 * lands exactly where the broker's duplicate detection is all that keeps the event from being delivered twice. A
 * test on PostgreSQL (which, unlike H2's file, another process may open while the hub runs) locks the row of a
 * completion event the relay has claimed but not reached; the relay publishes it and then waits on the lock to mark
 * it.
 */
final class FrozenRelay {

    /** The relay's last step for a message, as PostgreSQL shows the statement a session waits in. */
    private static final String MARKING_PUBLISHED = "UPDATE outbox_message SET published_at%";

    private final DataSource database;
    private final Connection lock;
    private final String messageId;

    private FrozenRelay(DataSource database, Connection lock, String messageId) {
        this.database = database;
        this.lock = lock;
        this.messageId = messageId;
    }

    /** Locks the last completion event of the batch the relay works on, and waits until the relay waits for it. */
    static FrozenRelay onACompletionEvent(DataSource database) {
        try {
            Connection lock = database.getConnection();
            lock.setAutoCommit(false);
            AtomicReference<String> locked = new AtomicReference<>();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
                locked.set(lockLastClaimedCompletionEvent(lock));
                return locked.get() != null;
            });
            JdbcClient jdbc = JdbcClient.create(database);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() ->
                    jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE :q")
                            .param("q", MARKING_PUBLISHED).query(Integer.class).single() > 0);
            return new FrozenRelay(database, lock, locked.get());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claimed by the running relay, not published yet, the furthest ahead of the relay in its batch: locked (the
     * lock holds until this transaction ends), or null when the relay's batch has no such row (then nothing is
     * held).
     */
    private static String lockLastClaimedCompletionEvent(Connection lock) throws SQLException {
        try (PreparedStatement select = lock.prepareStatement("""
                SELECT message_id FROM outbox_message
                WHERE message_type = 'ApplicationCompleted' AND published_at IS NULL AND claimed_until > now()
                ORDER BY id DESC LIMIT 1 FOR UPDATE""");
                ResultSet row = select.executeQuery()) {
            if (row.next()) {
                return row.getString(1);
            }
        }
        lock.rollback();
        return null;
    }

    /** The outbox message id of the event the relay published and could not mark. */
    String messageId() {
        return messageId;
    }

    /**
     * Once the hub is killed: its session waiting to mark the event ends as the hub's other sessions did (were it
     * left waiting, PostgreSQL would run its update as soon as the lock is gone, for a client that no longer
     * exists), and the lock is let go.
     */
    void release() {
        JdbcClient.create(database).sql("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE :q""")
                .param("q", MARKING_PUBLISHED).query(Boolean.class).list();
        try (lock) {
            lock.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
