package in.gov.sangam.faults;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMTP server (GreenMail) that keeps every e-mail the hubs send. It lives in the test's JVM, so what it received
 * outlives a killed hub.
 */
final class RecordingMailServer implements AutoCloseable {

    private final GreenMail server;
    private final int port = HubJar.freePort();

    RecordingMailServer() {
        server = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
    }

    int port() {
        return port;
    }

    /** The subject of each e-mail received, one per recipient. */
    List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                subjects.add(message.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }

    @Override
    public void close() {
        server.stop();
    }
}
