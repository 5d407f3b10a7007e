package in.gov.sangam.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The demo's mail server (GreenMail, in the hub's JVM): the e-mail notices of the default profile go to its SMTP
 * port, and an operator reads them with any mail client over IMAP, logging in as the recipient's address (any
 * password: the demo checks none). It keeps every mail in memory until the hub stops; a test reads them from it.
 */
public class DemoMailServer implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

    private final GreenMail greenMail;

    DemoMailServer(URI smtp, URI imap) {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtp.getPort(), smtp.getHost(), ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imap.getPort(), imap.getHost(), ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        LOG.info("Demo mail server: e-mail notices arrive at SMTP {}:{}; read them over IMAP at {}:{}, user name the "
                + "recipient's address, any password", smtp.getHost(), smtp.getPort(), imap.getHost(), imap.getPort());
    }

    /** The running server, for tests that read what it received. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
