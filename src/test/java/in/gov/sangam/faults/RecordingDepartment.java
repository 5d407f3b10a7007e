package in.gov.sangam.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A department's REST system that counts every request it accepts by the hub's reference in it. It lives in the
 * test's JVM, not the hub's, so its counts outlive a killed hub (a WireMock inside the hub would die with it). It
 * answers as the health department's system does, slowly, so that a kill finds requests in flight.
 */
final class RecordingDepartment implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, AtomicInteger> requestsByHubReference = new ConcurrentHashMap<>();

    private RecordingDepartment(Duration answerAfter) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> accept(exchange, answerAfter));
        server.start();
    }

    /** Health's HMIS: takes a registration and answers 202 with its own reference after {@code answerAfter}. */
    static RecordingDepartment health(Duration answerAfter) {
        return new RecordingDepartment(answerAfter);
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** How often each application (by the hub's reference) was sent. */
    Map<String, Integer> requests() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        requestsByHubReference.forEach((reference, count) -> counts.put(reference, count.get()));
        return counts;
    }

    private void accept(HttpExchange exchange, Duration answerAfter) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String hubReference = request.path("hub_ref").asText();
        requestsByHubReference.computeIfAbsent(hubReference, reference -> new AtomicInteger()).incrementAndGet();
        try {
            // The department is slow: the hub's dispatch of this application is in flight meanwhile.
            Thread.sleep(answerAfter.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] answer = ("{\"ack_no\": \"HLT/" + hubReference + "\", \"status_cd\": \"REG\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, answer.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
