package in.gov.sangam.feedback;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;

/**
 * The SMS gateway's connector, made from the route template {@code sms-gateway-http} for the kind of gateway
 * {@code sangam.sms.gateway} names, with its own circuit breaker; then the sender route starts. The survey texts are
 * read and checked here too, so that a template that would not fit two parts stops the start-up.
 */
@Configuration(proxyBeanMethods = false)
class SmsGatewayRoute {

    static final String CIRCUIT_BREAKER = "circuitBreaker-sms-gateway";
    private static final Logger LOG = LoggerFactory.getLogger(SmsGatewayRoute.class);

    /**
     * What differs between kinds of gateway: the template of the query, what a taken message's answer says, and where
     * the account's settings are. The simulator speaks Kannel's API.
     */
    record Kind(String template, String accepted, String url, String username, String secret) {
    }

    /** Kannel answers "0: Accepted for delivery" or "3: Queued for later delivery", with 202. */
    private static final Kind KANNEL = new Kind("sms/kannel-sendsms.ftl", "(?s)[03]: .*",
            "sangam.sms.kannel.send-url", "sangam.sms.kannel.username", "sangam.sms.kannel.password");

    static final Map<String, Kind> KINDS = Map.of(
            "kannel", KANNEL,
            "simulator", KANNEL,
            "nic", new Kind("sms/nic-send.ftl", "(?s).*Message Accepted.*", "sangam.sms.nic.url",
                    "sangam.sms.nic.username", "sangam.sms.nic.pin"));

    @Bean
    SurveyTemplates surveyTemplates(@Value("classpath:feedback/survey-sms.yaml") Resource file,
            @Value("${sangam.feedback.link-base}") String linkBase) {
        return SurveyTemplates.read(file, linkBase.length() + SurveyTokens.LENGTH);
    }

    @Bean
    CamelContextConfiguration smsGatewayConnector(Environment settings) {
        String gateway = settings.getRequiredProperty("sangam.sms.gateway");
        Kind kind = KINDS.get(gateway);
        if (kind == null) {
            throw new IllegalStateException("sangam.sms.gateway is '" + gateway + "'; it must be one of "
                    + KINDS.keySet().stream().sorted().toList());
        }
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getRegistry().bind(CIRCUIT_BREAKER, circuitBreaker(settings));
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                try {
                    TemplatedRouteBuilder.builder(camelContext, "sms-gateway-http")
                            .routeId("sms-gateway")
                            .parameter("endpoint", settings.getRequiredProperty(kind.url()))
                            .parameter("template", "classpath:" + kind.template())
                            .parameter("username", settings.getProperty(kind.username(), ""))
                            .parameter("password", settings.getProperty(kind.secret(), ""))
                            .parameter("dltEntityId", settings.getProperty("sangam.sms.nic.dlt-entity-id", ""))
                            .parameter("accepted", kind.accepted())
                            .parameter("refusalCodes", "400")
                            .parameter("circuitBreaker", CIRCUIT_BREAKER)
                            .parameter("options", "connectTimeout="
                                    + settings.getRequiredProperty("sangam.sms.connect-timeout-ms")
                                    + "&responseTimeout=" + settings.getRequiredProperty("sangam.sms.response-timeout-ms"))
                            .add();
                    camelContext.getRouteController().startRoute("feedback-sms-sender");
                } catch (Exception e) {
                    throw new IllegalStateException("The SMS gateway's connector cannot start", e);
                }
                LOG.info("Survey SMS go out through the {} gateway", gateway);
            }
        };
    }

    /** The gateway's own circuit: a refusal is the gateway working as it should and does not count against it. */
    private static CircuitBreaker circuitBreaker(Environment settings) {
        return CircuitBreaker.of("sms-gateway", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.getRequiredProperty(
                        "sangam.sms.circuit-breaker.failure-rate-threshold", Float.class))
                .minimumNumberOfCalls(settings.getRequiredProperty(
                        "sangam.sms.circuit-breaker.minimum-number-of-calls", Integer.class))
                .waitDurationInOpenState(settings.getRequiredProperty(
                        "sangam.sms.circuit-breaker.wait-in-open-state", Duration.class))
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(SmsRefusedException.class)
                .build());
    }
}
