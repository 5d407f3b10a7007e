package in.gov.sangam.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The production profile refuses to start without what makes its tokens trustworthy (the identity provider that
 * issues them and the audience they must be meant for) and without a real SMS gateway and survey link. Checked before anything starts, so the hub stops at once
 * with a sentence naming what to set instead of serving with tokens it cannot check.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String AUDIENCE = "sangam.security.audience";
    static final String EVIDENCE_KEY = "sangam.appeal.evidence.signing-key";

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
        surveySms(environment, missing);
        if (blank(environment, EVIDENCE_KEY)
                || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(environment.getProperty(EVIDENCE_KEY)))) {
            missing.add(EVIDENCE_KEY + " (SANGAM_EVIDENCE_SIGNING_KEY): the JWK file, the same on every node, of the "
                    + "key appeals' evidence records are signed with");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The production profile needs " + String.join("; and ", missing));
        }
    }

    /**
     * The survey SMS: a real gateway with its account, and a survey link citizens can open (the default's localhost
     * would go out in every SMS).
     */
    private static void surveySms(ConfigurableEnvironment environment, List<String> missing) {
        String gateway = environment.getProperty("sangam.sms.gateway", "");
        if (gateway.equals("kannel")) {
            if (blank(environment, "sangam.sms.kannel.password")) {
                missing.add("sangam.sms.kannel.password (SANGAM_KANNEL_PASSWORD): the hub's sendsms-user at Kannel");
            }
            if (blank(environment, "sangam.sms.replies.password")) {
                missing.add("sangam.sms.replies.password (SANGAM_SMS_REPLIES_PASSWORD): the secret Kannel forwards "
                        + "citizens' replies with");
            }
        } else if (gateway.equals("nic")) {
            for (String[] setting : new String[][] {{"username", "SANGAM_NIC_SMS_USERNAME"},
                    {"pin", "SANGAM_NIC_SMS_PIN"}, {"dlt-entity-id", "SANGAM_DLT_ENTITY_ID"}}) {
                if (blank(environment, "sangam.sms.nic." + setting[0])) {
                    missing.add("sangam.sms.nic." + setting[0] + " (" + setting[1] + "): the state's account at the "
                            + "SMS gateway");
                }
            }
        } else {
            missing.add("sangam.sms.gateway: kannel or nic (the simulator is the demo's)");
        }
        if (environment.getProperty("sangam.feedback.link-base", "").contains("localhost")) {
            missing.add("sangam.feedback.link-base (SANGAM_FEEDBACK_LINK_BASE): the public address of the survey "
                    + "page that every survey SMS links to, as short as it can be");
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
