package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.ContractValidator;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A request body over the limit (64 KiB by default) is refused with 413 before anything reads it whole. */
class RequestBodyLimitTest extends HubIntegrationTest {

    private static final int LIMIT = 64 * 1024;
    private static final String APPLICATIONS = "/api/v1/applications";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
        // Only the head is sent: had the hub waited for the 10 MB it was promised, no answer would come.
        RawAnswer answer = raw("POST " + APPLICATIONS + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\n"
                + "Content-Length: 10485760\r\n\r\n", new byte[0]);

        // No token was sent: the limit answers before Spring Security would have answered 401.
        assertThat(answer.status()).isEqualTo(413);
        assertTooLargeProblem(answer.contentType(), answer.json());
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimitWithoutWaitingForItsEnd() throws IOException {
        byte[] chunk = "x".repeat(LIMIT + 1).getBytes(StandardCharsets.US_ASCII);
        // One chunk of limit + 1 bytes and no last chunk: the body never ends.
        RawAnswer answer = raw("POST " + APPLICATIONS + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + hub.token("portal") + "\r\n"
                + "Content-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length) + "\r\n", chunk);

        assertThat(answer.status()).isEqualTo(413);
        assertTooLargeProblem(answer.contentType(), answer.json());
    }

    @Test
    void aTooLargeApplicationIsRefusedWithAProblemAndNothingIsStored() {
        int before = applications();
        String body = tooLargeApplication();

        Answer withLength = post("portal", BodyPublishers.ofString(body));
        Answer chunked = post("portal", chunked(body));
        Answer withoutToken = post(null, BodyPublishers.ofString(body));

        for (Answer answer : new Answer[] {withLength, chunked, withoutToken}) {
            assertThat(answer.status()).isEqualTo(413);
            assertTooLargeProblem(answer.header("Content-Type"), answer.json());
        }
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aChunkedApplicationWithinTheLimitIsReadWhole() {
        int before = applications();

        Answer answer = post("portal", chunked(Applications.domicile("Ghulam Nabi Bhat")));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(applications()).isEqualTo(before + 1);
    }

    @Test
    void aChunkedTokenRequestStillGetsAToken() {
        String basic = Base64.getEncoder().encodeToString("portal:portal-secret".getBytes(StandardCharsets.UTF_8));
        Answer answer = hub.raw(HttpRequest.newBuilder()
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(chunked("grant_type=client_credentials")), "/oauth2/token");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("access_token").asText()).isNotBlank();
    }

    private static void assertTooLargeProblem(String contentType, JsonNode problem) {
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(problem.path("type").asText()).isEqualTo("urn:sangam:problem:payload-too-large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains(String.valueOf(LIMIT));
    }

    /** A valid application but for a father's name that takes it past the limit. */
    private static String tooLargeApplication() {
        return Applications.domicile("Ghulam Nabi Bhat").replace("Ghulam Nabi Bhat", "G".repeat(LIMIT + 100));
    }

    /** java.net.http sends a body of unknown length chunked. */
    private static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private Answer post(String client, BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder().POST(body)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (client != null) {
            request.header("Authorization", "Bearer " + hub.token(client));
        }
        Answer answer = hub.raw(request, APPLICATIONS);
        ContractValidator.assertConforms("POST", APPLICATIONS, answer.response());
        return answer;
    }

    private int applications() {
        return jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single();
    }

    private record RawAnswer(int status, String contentType, JsonNode json) {
    }

    /**
     * Writes a request by hand (a head, and as much of the body as given) and reads the answer's head and body,
     * leaving the connection open: the answer must come without the rest of the body.
     */
    private RawAnswer raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            // A bound, not a wait: a hub that reads on for the rest of the body fails the test here.
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            int status = Integer.parseInt(line(in).split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line(in);
                }
            } else {
                content.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            return new RawAnswer(status, headers.get("content-type"), new ObjectMapper().readTree(content.toByteArray()));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The hub closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
