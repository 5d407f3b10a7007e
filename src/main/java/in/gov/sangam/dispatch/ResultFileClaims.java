package in.gov.sangam.dispatch;

import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Result files are claimed by the first hub node that lists them (the idempotent repository, in the database) and
 * marked done once read. A claim left undone longer than {@code sangam.connectors.result-file-claim} (its node
 * died halfway) is released by the reconciler ({@code reconciliation.AbandonedResultFileClaims}), so another node
 * reads the file: each file is read once, by one node, and none is lost.
 */
@Component("resultFileClaims")
public class ResultFileClaims {

    /** The processor name of the result files' claims in {@code CAMEL_MESSAGEPROCESSED}. */
    public static final String PROCESSOR = "result-files";

    private final JdbcClient jdbc;
    // When a file was done is on the wall clock, as its claim (Camel stamps it): both are about processes.
    private final Clock wallClock = Clock.systemUTC();

    public ResultFileClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Called once a file's rows are applied (or kept as dead letters). */
    public void done(Exchange exchange) {
        jdbc.sql("INSERT INTO result_file_done (file_key, done_at) VALUES (:key, :now)")
                .param("key", exchange.getProperty("SangamResultFileKey", String.class))
                .param("now", wallClock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }
}
