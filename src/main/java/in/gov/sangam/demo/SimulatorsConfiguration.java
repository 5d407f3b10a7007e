package in.gov.sangam.demo;

import in.gov.sangam.dispatch.Connectors;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The demo's department simulators, in the default profile unless {@code sangam.simulators.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@Profile("default")
@ConditionalOnProperty(name = "sangam.simulators.enabled", havingValue = "true")
class SimulatorsConfiguration {

    /**
     * Started on Spring's bootstrap executor while the rest of the hub is built: their ports were chosen before the
     * context (by {@link SimulatedEndpoints}), so nothing needs them until the connectors start, and Spring waits for
     * background beans before it starts anything. A simulator that fails to start still fails the start-up.
     */
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    DepartmentSimulators departmentSimulators(Connectors connectors, Environment environment,
            ResourcePatternResolver resources, @Value("${sangam.catalogue.location}") String catalogueLocation,
            @Value("${sangam.data-dir}") Path dataDir) {
        return new DepartmentSimulators(connectors, environment, resources, catalogueLocation, dataDir);
    }

    /** The simulated SMS gateway, when the survey SMS go to it (sangam.sms.gateway=simulator). */
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    @ConditionalOnProperty(name = "sangam.sms.gateway", havingValue = "simulator")
    SmsGatewaySimulator smsGatewaySimulator(Environment environment, ResourcePatternResolver resources,
            @Value("${sangam.data-dir}") Path dataDir, @Value("${sangam.sms.replies.username}") String repliesUsername,
            @Value("${sangam.sms.replies.password}") String repliesPassword) {
        return new SmsGatewaySimulator(URI.create(environment.getRequiredProperty(
                SimulatedEndpoints.SIMULATED_SMS_GATEWAY)), dataDir.toAbsolutePath().resolve("simulators")
                .resolve(SimulatedEndpoints.SMS_GATEWAY), resources, repliesUsername, repliesPassword);
    }

    /** The demo's mail server, when the e-mail notices go to it (no SANGAM_SMTP_HOST set: SimulatedEndpoints). */
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    @ConditionalOnProperty(name = SimulatedEndpoints.SIMULATED_MAIL_SMTP)
    DemoMailServer demoMailServer(Environment environment) {
        return new DemoMailServer(URI.create(environment.getRequiredProperty(SimulatedEndpoints.SIMULATED_MAIL_SMTP)),
                URI.create(environment.getRequiredProperty(SimulatedEndpoints.SIMULATED_MAIL_IMAP)));
    }
}
