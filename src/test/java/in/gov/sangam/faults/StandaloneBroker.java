package in.gov.sangam.faults;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * An ActiveMQ Artemis broker in a JVM of its own, configured by the broker.xml operators are told to use
 * ({@code ops/artemis/broker.xml}): what {@link BrokerProcess} starts, stops and kills. Its data directory and port
 * come as the system properties that file reads ({@code data.dir}, {@code sangam.broker.port}); SIGTERM stops it
 * gracefully (the JVM's shutdown hook), SIGKILL leaves its journal as a crash would.
 *
 * <p>Arguments: the broker.xml, then the one user it knows and that user's password. The user holds the role
 * {@code sangam-hub}, as the README tells operators to give the hub's user, so the file's security settings are
 * what the hub meets.
 */
public final class StandaloneBroker {

    static final String HUB_ROLE = "sangam-hub";

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ()
                .setConfigResourcePath(Path.of(args[0]).toUri().toString())
                .setSecurityManager(new OneUser(args[1], args[2]));
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        new CountDownLatch(1).await();
    }

    /** The hub's user and its role, as an operator would set them up in the broker's login configuration. */
    private record OneUser(String user, String password) implements ActiveMQSecurityManager {

        @Override
        public boolean validateUser(String user, String password) {
            return this.user.equals(user) && this.password.equals(password);
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return validateUser(user, password)
                    && roles.stream().anyMatch(role -> role.getName().equals(HUB_ROLE) && checkType.hasRole(role));
        }
    }
}
