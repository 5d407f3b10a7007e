package in.gov.sangam.faults;

import in.gov.sangam.support.HubBrokerUser;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An ActiveMQ Artemis broker in a JVM of its own, configured by the broker.xml operators are told to use
 * ({@code ops/artemis/broker.xml}): what {@link BrokerProcess} starts, stops and kills. Its data directory and port
 * come as the system properties that file reads ({@code data.dir}, {@code sangam.broker.port}); SIGTERM stops it
 * gracefully (the JVM's shutdown hook), SIGKILL leaves its journal as a crash would.
 *
 * <p>Arguments: the broker.xml, then the one user it knows and that user's password: the hub's, with the role the
 * README tells operators to give it ({@link HubBrokerUser}), so the file's security settings are what the hub meets.
 */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ()
                .setConfigResourcePath(Path.of(args[0]).toUri().toString())
                .setSecurityManager(new HubBrokerUser(args[1], args[2]));
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
}
