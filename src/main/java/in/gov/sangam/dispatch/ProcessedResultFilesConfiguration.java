package in.gov.sangam.dispatch;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The result files claimed by a hub node, in the database (table CAMEL_MESSAGEPROCESSED, made by Flyway). */
@Configuration(proxyBeanMethods = false)
class ProcessedResultFilesConfiguration {

    @Bean
    JdbcMessageIdRepository processedResultFiles(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, ResultFileClaims.PROCESSOR);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
