package in.gov.sangam.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMS gateway speaking Kannel's sendsms API that counts every SMS it takes, by the number it goes to. It lives in
 * the test's JVM, so its counts outlive a killed hub (the demo's simulated gateway would die with it).
 */
final class RecordingSmsGateway implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> smsByNumber = new ConcurrentHashMap<>();

    RecordingSmsGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/cgi-bin/sendsms", this::accept);
        server.start();
    }

    String sendUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/cgi-bin/sendsms";
    }

    /** How many SMS each number was sent (as the hub writes it: 91 and the 10 digits). */
    Map<String, Integer> smsByNumber() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        smsByNumber.forEach((number, count) -> counts.put(number, count.get()));
        return counts;
    }

    private void accept(HttpExchange exchange) throws IOException {
        String to = null;
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue[0].equals("to")) {
                to = URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8);
            }
        }
        smsByNumber.computeIfAbsent(String.valueOf(to), number -> new AtomicInteger()).incrementAndGet();
        byte[] answer = "0: Accepted for delivery".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
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
