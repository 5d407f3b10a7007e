package in.gov.sangam.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded authorization server of the default profile and its demo clients.
 *
 * @param clients client id to its secret and scopes
 */
@ConfigurationProperties("sangam.security.embedded-authorization-server")
public record EmbeddedAuthorizationServerProperties(boolean enabled, Map<String, DemoClient> clients) {

    /** A client that may get tokens with the client-credentials grant. */
    public record DemoClient(String secret, List<String> scopes) {
    }
}
