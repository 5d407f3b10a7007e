package in.gov.sangam.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The OAuth2 scopes a verified token carries, as the contract names them (without Spring's SCOPE_ prefix). */
final class TokenScopes {

    private static final String SCOPE = "SCOPE_";

    private TokenScopes() {
    }

    static List<String> of(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(SCOPE))
                .map(authority -> authority.substring(SCOPE.length()))
                .toList();
    }
}
