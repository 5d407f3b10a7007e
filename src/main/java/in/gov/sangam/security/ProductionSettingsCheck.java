package in.gov.sangam.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The production profile refuses to start without what makes its tokens trustworthy: the identity provider that
 * issues them and the audience they must be meant for. Checked before anything starts, so the hub stops at once
 * with a sentence naming what to set instead of serving with tokens it cannot check.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String AUDIENCE = "sangam.security.audience";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("production"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (blank(environment, ISSUER)) {
            missing.add(ISSUER + " (SANGAM_ISSUER_URI): the identity provider whose tokens the hub accepts");
        }
        if (blank(environment, AUDIENCE)) {
            missing.add(AUDIENCE + " (SANGAM_AUDIENCE): the audience ('aud') the tokens must be issued for");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The production profile needs " + String.join("; and ", missing));
        }
    }

    private static boolean blank(ConfigurableEnvironment environment, String property) {
        try {
            String value = environment.getProperty(property);
            return value == null || value.isBlank();
        } catch (IllegalArgumentException unresolvable) {
            return true;
        }
    }

    /** After the configuration files, profiles included, are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
