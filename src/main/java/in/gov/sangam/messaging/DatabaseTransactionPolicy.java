package in.gov.sangam.messaging;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a route's {@code transacted: {}} means: the database transaction (the hub's one transaction manager), under
 * the name Camel looks for first. Without it Camel would take whichever single transaction policy it found, and since
 * {@link BrokerTransactionPolicy} is one, the broker's transaction would become the default of every route.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTransactionPolicy {

    @Bean("PROPAGATION_REQUIRED")
    SpringTransactionPolicy databaseTransaction(PlatformTransactionManager database) {
        return new SpringTransactionPolicy(database);
    }
}
