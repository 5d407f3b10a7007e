package in.gov.sangam.security;

import java.time.Duration;
import java.util.Collection;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * How a demo client of the embedded authorization server (default profile only) is registered: client credentials,
 * its secret in memory as configured, tokens for an hour. The same for the clients configured at start-up and for a
 * department folder added while the hub runs.
 */
public final class DemoClientRegistrations {

    private DemoClientRegistrations() {
    }

    /** A department's demo client: {@code dept-<department>}, secret {@code dept-<department>-secret}. */
    public static String departmentClientId(String department) {
        return "dept-" + department;
    }

    /** The scope a department's own client is given: reporting the status of, and reading, its applications. */
    public static String departmentScope(String department) {
        return "department:" + department;
    }

    public static RegisteredClient clientCredentials(String clientId, String secret, Collection<String> scopes) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                // In memory, demo only: the secrets are printed in the README.
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(granted -> granted.addAll(scopes))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build())
                .build();
    }
}
