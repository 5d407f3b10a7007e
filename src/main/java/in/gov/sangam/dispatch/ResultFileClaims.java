package in.gov.sangam.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Result files are claimed by the first hub node that lists them (the idempotent repository, in the database) and
 * marked done once read. A claim left undone longer than {@code sangam.connectors.result-file-claim} (its node
 * died halfway) is released, so another node reads the file: each file is read once, by one node, and none is lost.
 * Claims are measured on the wall clock: they are about processes, not PSGA time.
 */
@Component("resultFileClaims")
public class ResultFileClaims {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFileClaims.class);
    static final String PROCESSOR = "result-files";

    private final JdbcClient jdbc;
    private final Duration claim;
    private final Clock wallClock = Clock.systemUTC();

    public ResultFileClaims(JdbcClient jdbc, @Value("${sangam.connectors.result-file-claim:10m}") Duration claim) {
        this.jdbc = jdbc;
        this.claim = claim;
    }

    /** Called once a file's rows are applied (or kept as dead letters). */
    public void done(Exchange exchange) {
        jdbc.sql("INSERT INTO result_file_done (file_key, done_at) VALUES (:key, :now)")
                .param("key", exchange.getProperty("SangamResultFileKey", String.class))
                .param("now", wallClock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Releases the claims of files that were never marked done, so that they are read again. */
    public void releaseAbandoned() {
        int released = jdbc.sql("""
                DELETE FROM CAMEL_MESSAGEPROCESSED
                WHERE processorName = :processor AND createdAt < :before
                  AND messageId NOT IN (SELECT file_key FROM result_file_done)""")
                .param("processor", PROCESSOR)
                .param("before", Timestamp.from(wallClock.instant().minus(claim)))
                .update();
        if (released > 0) {
            LOG.warn("Released {} result file(s) claimed more than {} ago and never read to the end", released, claim);
        }
    }
}
