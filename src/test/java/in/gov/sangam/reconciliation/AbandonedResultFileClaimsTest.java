package in.gov.sangam.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.dispatch.ResultFileRepositories;
import in.gov.sangam.support.HubIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A node that died halfway through a result file does not keep it from ever being read. */
class AbandonedResultFileClaimsTest extends HubIntegrationTest {

    @Autowired
    AbandonedResultFileClaims claims;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClaimNeverMarkedDoneIsReleasedAndADoneOneIsKept() {
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        claim("education/abandoned.csv-10-1", longAgo);
        claim("education/finished.csv-10-1", longAgo);
        claim("education/in-progress.csv-10-1", Timestamp.from(Instant.now()));
        jdbc.sql("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (:done, :key, :at)")
                .param("done", ResultFileRepositories.DONE).param("key", "education/finished.csv-10-1")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();

        claims.sweep();

        assertThat(claimed("education/abandoned.csv-10-1")).isFalse();
        assertThat(claimed("education/finished.csv-10-1")).isTrue();
        assertThat(claimed("education/in-progress.csv-10-1")).isTrue();
    }

    private void claim(String key, Timestamp at) {
        jdbc.sql("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (:locks, :key, :at)")
                .param("locks", ResultFileRepositories.LOCKS).param("key", key).param("at", at).update();
    }

    private boolean claimed(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = :locks AND messageId = :key")
                .param("locks", ResultFileRepositories.LOCKS).param("key", key).query(Integer.class).single() == 1;
    }
}
