package in.gov.sangam.feedback.kannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Kannel of {@link KannelGateway} does what the hub relies on: it takes an SMS at sendsms and hands it to the
 * SMS centre, calls the dlr-url with the SMS centre's delivery reports, and calls the sms-service's get-url with a
 * citizen's reply and HTTP Basic credentials. A JDK HTTP server stands in for the hub.
 */
class KannelGatewayTest {

    private static final String USERNAME = "sangam";
    private static final String PASSWORD = "sangam-kannel-secret";
    private static final String REPLIES_PATH = "/api/v1/feedback/sms-replies/kannel";
    private static final String REPORTS_PATH = "/api/v1/feedback/sms-delivery/kannel";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static StandInHub hub;
    private static KannelGateway kannel;

    @BeforeAll
    static void startKannel() throws IOException {
        if (!KannelGateway.isInstalled()) {
            return;
        }
        hub = new StandInHub();
        kannel = KannelGateway.start(USERNAME, PASSWORD, "http://sms-gateway:sms-gateway-secret@127.0.0.1:"
                + hub.port() + REPLIES_PATH + "?from=%p&text=%a");
    }

    /** Here rather than before all: each test is then reported as skipped, or failed in CI, with the reason. */
    @BeforeEach
    void kannelIsInstalled() {
        KannelGateway.assumeInstalled();
    }

    @AfterAll
    static void stopKannel() {
        if (kannel != null) {
            kannel.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void anEnglishSmsReachesTheSmsCentre() throws Exception {
        HttpResponse<String> answer = send(Map.of("from", "SANGAM", "to", "+919800000101",
                "text", "Your certificate is ready. Rate us: reply 1 Good, 2 Average, 3 Bad"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo("0: Accepted for delivery");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(kannel.received()).contains(new ReceivedSms("SANGAM",
                "+919800000101", "Your certificate is ready. Rate us: reply 1 Good, 2 Average, 3 Bad", 1)));
    }

    @Test
    void aHindiSmsGoesAsUnicodeAndReachesTheSmsCentreIntact() throws Exception {
        HttpResponse<String> answer = send(Map.of("from", "SANGAM", "to", "+919800000102",
                "text", "आपका प्रमाण पत्र तैयार है। रेटिंग दें: 1 अच्छा", "coding", "2", "charset", "UTF-8"));

        assertThat(answer.body()).isEqualTo("0: Accepted for delivery");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(kannel.received()).contains(new ReceivedSms("SANGAM",
                "+919800000102", "आपका प्रमाण पत्र तैयार है। रेटिंग दें: 1 अच्छा", 1)));
    }

    /** Kannel's default (max-messages = 1) would cut it to one SMS; kannel.conf lets it go as parts. */
    @Test
    void anSmsLongerThanOneGoesInPartsAndArrivesWhole() throws Exception {
        String english = "Your domicile certificate is ready. Please rate our service: reply 1 for Good, 2 for "
                + "Average, 3 for Bad, or open https://sangam.example/f/AbCdEfGh to rate it on the web. Sangam";
        String hindi = "आपका अधिवास प्रमाण पत्र तैयार है। कृपया रेटिंग दें: अच्छा के लिए 1, ठीक के लिए 2, खराब के लिए 3";

        send(Map.of("from", "SANGAM", "to", "+919800000103", "text", english));
        send(Map.of("from", "SANGAM", "to", "+919800000103", "text", hindi, "coding", "2", "charset", "UTF-8"));

        await().atMost(WITHIN).untilAsserted(() -> assertThat(kannel.received()).contains(
                new ReceivedSms("SANGAM", "+919800000103", english, 2),
                new ReceivedSms("SANGAM", "+919800000103", hindi, 2)));
    }

    /** The fake SMS centre reports 8 (accepted by the SMS centre) and 1 (delivered), in either order. */
    @Test
    void theDeliveryReportsComeBackToTheDlrUrlWithItsToken() throws Exception {
        String token = UUID.randomUUID().toString();

        send(Map.of("from", "SANGAM", "to", "+919800000104", "text", "Rate us: reply 1, 2 or 3",
                "dlr-mask", "31", "dlr-url", hub.url() + REPORTS_PATH + "?token=" + token + "&status=%d"));

        await().atMost(WITHIN).untilAsserted(() -> assertThat(hub.requests(REPORTS_PATH).stream()
                .filter(report -> token.equals(report.query().get("token")))
                .map(report -> report.query().get("status")))
                .containsExactlyInAnyOrder("8", "1"));
    }

    @Test
    void aCitizensReplyReachesTheGetUrlWithTheSenderTheTextAndBasicCredentials() {
        kannel.replyFrom("+919800000105", "1");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(hub.requests(REPLIES_PATH))
                .filteredOn(reply -> "+919800000105".equals(reply.query().get("from")))
                .singleElement()
                .satisfies(reply -> {
                    assertThat(reply.query()).containsEntry("text", "1");
                    assertThat(reply.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                            .encodeToString("sms-gateway:sms-gateway-secret".getBytes(StandardCharsets.UTF_8)));
                }));
    }

    /** A phone sends Hindi as UCS-2; mo-recode in kannel.conf makes Kannel pass it on as UTF-8. */
    @Test
    void aReplyInHindiReachesTheGetUrlAsUtf8() {
        kannel.replyFrom("+919800000106", "अच्छा");
        kannel.replyFrom("+919800000106", "2");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(hub.requests(REPLIES_PATH).stream()
                .filter(reply -> "+919800000106".equals(reply.query().get("from")))
                .map(reply -> reply.query().get("text")))
                .containsExactlyInAnyOrder("अच्छा", "2"));
    }

    private static HttpResponse<String> send(Map<String, String> parameters) throws Exception {
        Map<String, String> query = new LinkedHashMap<>(Map.of("username", USERNAME, "password", PASSWORD));
        query.putAll(parameters);
        String encoded = query.entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(kannel.sendUrl() + "?" + encoded)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request Kannel made to the hub. */
    private record HubRequest(String path, Map<String, String> query, String authorization) {
    }

    /** Takes every request Kannel makes, answers 200 with no body, and keeps it. */
    private static final class StandInHub implements AutoCloseable {

        private final HttpServer server;
        private final List<HubRequest> requests = new CopyOnWriteArrayList<>();

        StandInHub() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::keep);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port();
        }

        List<HubRequest> requests(String path) {
            return requests.stream().filter(request -> request.path().equals(path)).toList();
        }

        private void keep(HttpExchange exchange) throws IOException {
            Map<String, String> query = new LinkedHashMap<>();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null) {
                for (String parameter : rawQuery.split("&")) {
                    String[] nameAndValue = parameter.split("=", 2);
                    query.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                            nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8)
                                    : "");
                }
            }
            requests.add(new HubRequest(exchange.getRequestURI().getPath(), query,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
