package in.gov.sangam.messaging;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * {@code transacted: {ref: outboxPublishing}}: a broker transaction on the connection factory the jms component sends
 * with, so that sends with {@code transacted=true} in its scope join it and are committed together, one journal write
 * for all of them (the outbox relay's batches). Not a transaction manager bean of its own: the database's stays the
 * only one, the one {@code @Transactional} and {@code transacted: {}} mean ({@link DatabaseTransactionPolicy}).
 */
@Configuration(proxyBeanMethods = false)
public class BrokerTransactionPolicy {

    @Bean
    SpringTransactionPolicy outboxPublishing(ConnectionFactory connectionFactory) {
        JmsTransactionManager broker = new JmsTransactionManager(connectionFactory);
        broker.afterPropertiesSet();
        return new SpringTransactionPolicy(broker);
    }
}
