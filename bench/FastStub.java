import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast stub of a department's legacy system for bench/run: the health department's HMIS (REST/JSON), answering
 * each registration 202 with prebuilt bytes, so that the stub, unlike WireMock, is never the bottleneck. Only the
 * acknowledgement number is per request (the hub keeps department references unique): it is the request's hub_ref,
 * found by a byte search, between a prebuilt head and tail. Anything else is answered 200 {}.
 *
 * GET /bench/count answers how many registrations it took and when the first and the last came (epoch ms), so that
 * bench/run can time a drain without asking the hub. Loopback only. Run: java bench/FastStub.java PORT
 */
public class FastStub {

    private static final byte[] HEAD = "{\"ack_no\":\"HLT/B/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "\",\"status_cd\":\"REG\",\"recd_on\":\"07-12-2026\"}"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY = "\"hub_ref\"".getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong registrations = new AtomicLong();
    private static volatile long first;
    private static volatile long last;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        // The JDK server writes the headers and the body apart: without TCP_NODELAY each answer waits on the
        // client's delayed ACK (about 40 ms), and the stub would answer some 25 requests a second a connection.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", FastStub::handle);
        server.start();
        System.out.println("FastStub listening on http://127.0.0.1:" + port);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            byte[] answer;
            int status;
            if (path.equals("/hmis/api/v2/registrations") && exchange.getRequestMethod().equals("POST")) {
                long now = System.currentTimeMillis();
                if (registrations.getAndIncrement() == 0) {
                    first = now;
                }
                last = now;
                answer = acknowledgement(body);
                status = 202;
            } else if (path.equals("/bench/count")) {
                answer = ("{\"registrations\":" + registrations.get() + ",\"first\":" + first + ",\"last\":" + last
                        + "}").getBytes(StandardCharsets.US_ASCII);
                status = 200;
            } else if (path.equals("/bench/reset")) {
                registrations.set(0);
                first = 0;
                last = 0;
                answer = EMPTY;
                status = 200;
            } else {
                answer = EMPTY;
                status = 200;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** The prebuilt answer around the request's hub_ref (or a counter when the body has none). */
    private static byte[] acknowledgement(byte[] body) {
        int at = indexOf(body, KEY);
        int start = -1;
        int end = -1;
        if (at >= 0) {
            int colon = at + KEY.length;
            while (colon < body.length && body[colon] != '"') {
                colon++;
            }
            start = colon + 1;
            end = start;
            while (end < body.length && body[end] != '"') {
                end++;
            }
        }
        byte[] reference = start > 0 && end < body.length
                ? java.util.Arrays.copyOfRange(body, start, end)
                : Long.toString(registrations.get()).getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[HEAD.length + reference.length + TAIL.length];
        System.arraycopy(HEAD, 0, answer, 0, HEAD.length);
        System.arraycopy(reference, 0, answer, HEAD.length, reference.length);
        System.arraycopy(TAIL, 0, answer, HEAD.length + reference.length, TAIL.length);
        return answer;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
