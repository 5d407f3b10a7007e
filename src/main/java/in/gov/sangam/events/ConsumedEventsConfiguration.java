package in.gov.sangam.events;

import in.gov.sangam.messaging.Addresses;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The completion events each subscriber has consumed, by event id, in the database (table CAMEL_MESSAGEPROCESSED,
 * processor {@code completion-<subscriber>}). The subscriber's route records the id in the same database
 * transaction as the subscriber's own effect, so a redelivered or republished event has no second effect, on any
 * node. The reconciler reads the same rows to find events a subscriber never consumed.
 */
@Configuration(proxyBeanMethods = false)
class ConsumedEventsConfiguration {

    @Bean
    JdbcMessageIdRepository feedbackConsumedEvents(DataSource dataSource, TransactionTemplate transaction) {
        return consumedBy(Addresses.FEEDBACK_SUBSCRIPTION, dataSource, transaction);
    }

    @Bean
    JdbcMessageIdRepository appealConsumedEvents(DataSource dataSource, TransactionTemplate transaction) {
        return consumedBy(Addresses.APPEAL_SUBSCRIPTION, dataSource, transaction);
    }

    /** The processor name under which one subscriber's consumed event ids are kept. */
    static String processorName(String subscriber) {
        return "completion-" + subscriber;
    }

    /**
     * The hub's own transaction template (propagation REQUIRED), so that recording an id joins the database
     * transaction the subscriber's route is in rather than committing on its own.
     */
    private static JdbcMessageIdRepository consumedBy(String subscriber, DataSource dataSource,
            TransactionTemplate transaction) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, transaction,
                processorName(subscriber));
        // Flyway made the table (V7); the repository must not try DDL of its own on PostgreSQL.
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
