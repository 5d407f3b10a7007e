package in.gov.sangam.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The demo's SMS gateway: WireMock speaking Kannel's HTTP API (demo/sms-gateway/mappings/). It takes each survey SMS
 * at /cgi-bin/sendsms and calls its delivery-report URL with "delivered" a moment later; it refuses numbers no phone
 * has (a digit 6-9 and nine zeros) and a wrong account, as Kannel does; and it plays a citizen replying: a POST of
 * {@code {from, text}} to /simulator/replies is forwarded to the hub as Kannel's sms-service forwards an SMS, with the
 * sms-gateway client's HTTP Basic credentials. Its journal is what a test counts SMS in.
 */
public class SmsGatewaySimulator implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SmsGatewaySimulator.class);
    private static final String MAPPINGS = "classpath:demo/sms-gateway/mappings/";

    private final WireMockServer server;
    private final ResourcePatternResolver resources;
    private final String repliesUsername;
    private final String repliesPassword;

    SmsGatewaySimulator(URI address, Path workDir, ResourcePatternResolver resources, String repliesUsername,
            String repliesPassword) {
        this.resources = resources;
        this.repliesUsername = repliesUsername;
        this.repliesPassword = repliesPassword;
        try {
            // An empty folder of its own: WireMock would otherwise look for mappings in the working directory.
            Files.createDirectories(workDir);
            server = new WireMockServer(WireMockConfiguration.options()
                    .port(address.getPort())
                    .bindAddress("127.0.0.1")
                    .usingFilesUnderDirectory(workDir.toString())
                    .globalTemplating(true)
                    .maxRequestJournalEntries(10_000));
            server.start();
            for (Resource mapping : resources.getResources(MAPPINGS + "sendsms*.json")) {
                server.addStubMapping(StubMapping.buildFrom(mapping.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The SMS gateway simulator did not start", e);
        }
        LOG.info("Simulator of the SMS gateway listening on {}", server.baseUrl());
    }

    /** The citizen's replies go to this hub, whose port is known only now. */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return;
        }
        String credentials = Base64.getEncoder().encodeToString((repliesUsername + ":" + repliesPassword)
                .getBytes(StandardCharsets.UTF_8));
        try {
            for (Resource mapping : resources.getResources(MAPPINGS + "citizen-replies.json")) {
                server.addStubMapping(StubMapping.buildFrom(mapping.getContentAsString(StandardCharsets.UTF_8)
                        .replace("${hub}", "http://localhost:" + event.getWebServer().getPort())
                        .replace("${credentials}", credentials)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The SMS gateway simulator cannot play citizens replying", e);
        }
    }

    /** The running gateway, for tests that count what it was sent or make it fail. */
    public WireMockServer server() {
        return server;
    }

    @Override
    public void destroy() {
        try {
            server.stop();
        } catch (Exception e) { // a server that never started throws a checked exception, unchecked
            LOG.warn("The SMS gateway simulator did not stop cleanly: {}", e.toString());
        }
    }
}
