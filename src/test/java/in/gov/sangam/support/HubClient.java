package in.gov.sangam.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Talks to a running hub over real HTTP, with real tokens from its authorization server, and checks every answer of
 * the portal API against the OpenAPI contract.
 */
public final class HubClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A hub that does not take the connection, or never answers, fails the test instead of hanging it. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Generous: a busy 2-core machine; the hub answers every call at once (it never waits for a department). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String baseUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public HubClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A response and its body read as JSON. */
    public record Answer(HttpResponse<String> response, JsonNode json) {

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** A bearer token for a demo client, asked for once per client. */
    public String token(String client) {
        return tokens.computeIfAbsent(client, c -> {
            String basic = Base64.getEncoder().encodeToString((c + ":" + c + "-secret").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build();
            Answer answer = send(request);
            if (answer.status() != 200) {
                throw new IllegalStateException("No token for " + c + ": " + answer.response().body());
            }
            return answer.json().path("access_token").asText();
        });
    }

    public Answer get(String path, String client) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (client != null) {
            request.header("Authorization", "Bearer " + token(client));
        }
        return checked("GET", path, send(request.build()));
    }

    public Answer submit(String client, String idempotencyKey, String body) {
        return post("/api/v1/applications", client, idempotencyKey, "application/json", body);
    }

    public Answer post(String path, String client, String idempotencyKey, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (client != null) {
            request.header("Authorization", "Bearer " + token(client));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return checked("POST", path, send(request.build()));
    }

    /**
     * Any call of the portal API with any bearer token (or none), its answer checked against the contract: for tests
     * that try tokens a demo client would never hold.
     */
    public Answer call(String method, String path, String bearerToken, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (method.equals("POST")) {
            request.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        return checked(method, path, send(request.build()));
    }

    /** Sends without checking against the contract: for paths outside the portal API (actuator, docs). */
    public Answer raw(HttpRequest.Builder request, String path) {
        return send(request.uri(URI.create(baseUrl + path)).build());
    }

    private Answer checked(String method, String path, Answer answer) {
        if (path.startsWith("/api/v1/")) {
            ContractValidator.assertConforms(method, path, answer.response());
        }
        return answer;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpRequest limited = request.timeout().isPresent() ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build();
            HttpResponse<String> response;
            try {
                response = http.send(limited, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedUnread) {
                // Tomcat now and then fails to read a request on a recycled connection processor (an NPE in its
                // header recycling, "Error reading request, ignored") and closes the connection without a byte: the
                // request was never read, so it is sent once more, as any HTTP client would on a dropped connection.
                if (!String.valueOf(closedUnread.getMessage()).contains("received no bytes")) {
                    throw closedUnread;
                }
                response = http.send(limited, HttpResponse.BodyHandlers.ofString());
            }
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
