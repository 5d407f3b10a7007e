package in.gov.sangam.support;

import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * The one user a test's Artemis broker knows: the hub's, holding the role {@code sangam-hub} to which
 * {@code ops/artemis/broker.xml} grants what the hub needs, as an operator sets the user up in the broker's login
 * configuration. The broker then checks the hub's every operation against that file's security settings.
 */
public record HubBrokerUser(String user, String password) implements ActiveMQSecurityManager {

    public static final String ROLE = "sangam-hub";

    @Override
    public boolean validateUser(String user, String password) {
        return this.user.equals(user) && this.password.equals(password);
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password)
                && roles.stream().anyMatch(role -> role.getName().equals(ROLE) && checkType.hasRole(role));
    }
}
