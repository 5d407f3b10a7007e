package in.gov.sangam.dispatch;

import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's two records of a department's result files, both in the database (table CAMEL_MESSAGEPROCESSED, made by
 * Flyway) so that every hub node shares them (routes/connector-sftp-batch.yaml):
 * <ul>
 * <li>{@code resultFileLocks}: the node that lists a file first locks it, and keeps its lock alive while it reads
 * the file. A lock nobody kept alive for {@code sangam.connectors.result-file-claim} belongs to a node that died
 * halfway: the next node to list the file takes it over and reads the file again.</li>
 * <li>{@code resultFilesDone}: a file read to the end, for good: no node reads it again, after any restart.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ResultFileRepositories {

    /** The processor name of the locks (the reconciler reports locks left by a node that died). */
    public static final String LOCKS = "result-files";
    /** The processor name of the files read to the end. */
    public static final String DONE = "result-files-done";

    @Bean
    JdbcOrphanLockAwareIdempotentRepository resultFileLocks(DataSource dataSource, CamelContext camel,
            @Value("${sangam.connectors.result-file-claim:10m}") Duration claim) {
        return locks(dataSource, camel, claim);
    }

    @Bean
    JdbcMessageIdRepository resultFilesDone(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, DONE);
        // Flyway made the table (V7, V13); the repository must not try DDL of its own on PostgreSQL.
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    static JdbcOrphanLockAwareIdempotentRepository locks(DataSource dataSource, CamelContext camel,
            Duration claim) {
        JdbcOrphanLockAwareIdempotentRepository repository = new JdbcOrphanLockAwareIdempotentRepository(dataSource,
                LOCKS, camel);
        repository.setCreateTableIfNotExists(false);
        repository.setLockMaxAgeMillis(claim.toMillis());
        // Kept alive five times within its age: a node that is merely slow (a long pause, a busy database) keeps
        // its lock; one that died loses it within the age.
        repository.setLockKeepAliveIntervalMillis(Math.max(1, claim.toMillis() / 5));
        return repository;
    }
}
