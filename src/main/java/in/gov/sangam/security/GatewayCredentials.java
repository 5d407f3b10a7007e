package in.gov.sangam.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller that proved who it is with HTTP Basic credentials: only the SMS gateway, on the one operation whose
 * contract takes them (Kannel can send nothing else). It holds no scope, so it opens no OAuth2 operation.
 */
final class GatewayCredentials extends AbstractAuthenticationToken {

    private final String clientId;

    GatewayCredentials(String clientId) {
        super(List.of());
        this.clientId = clientId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return clientId;
    }
}
