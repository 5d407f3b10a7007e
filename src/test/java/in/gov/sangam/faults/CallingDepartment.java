package in.gov.sangam.faults;

import static org.awaitility.Awaitility.await;

import in.gov.sangam.support.HubClient;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A department's system calling the hub back, as HMIS does: once the hub has an application FORWARDED it reports
 * it under scrutiny, then approved (DELIVERED, which makes the hub publish the application's completion event). A
 * call is repeated until a node answers it, on the other node when one is down, as through a load balancer; a node
 * that answers 401 holds a token from before its restart, and is asked again once the test has its new client.
 */
final class CallingDepartment implements AutoCloseable {

    private static final String CALLBACK = "/api/v1/departments/health/status-updates";
    /** HMIS's codes after registration: under scrutiny, approved. */
    private static final List<String> STEPS = List.of("SCR", "APR");

    private final List<SubmissionLoad.Node> nodes;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "department");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<String> toComplete = new ConcurrentLinkedQueue<>();
    private final Set<String> completed = ConcurrentHashMap.newKeySet();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    CallingDepartment(List<SubmissionLoad.Node> nodes) {
        this.nodes = nodes;
    }

    /** Takes these applications to DELIVERED, {@code count} at a time. */
    void complete(Collection<String> applicationIds, int count) {
        toComplete.addAll(applicationIds);
        for (int i = 0; i < count; i++) {
            threads.submit(() -> {
                try {
                    for (String id = toComplete.poll(); id != null; id = toComplete.poll()) {
                        complete(id);
                    }
                } catch (Throwable failed) {
                    failures.add(failed);
                }
            });
        }
    }

    /** Those it reported DELIVERED and the hub answered. */
    Set<String> completed() {
        return Set.copyOf(completed);
    }

    /** Waits until every application it was given is completed, and fails if a call was refused. */
    void awaitDone(Duration within) throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The department has not completed its applications in " + within);
        }
        if (!failures.isEmpty()) {
            AssertionError failed = new AssertionError("The department's call-backs failed; the first: "
                    + failures.peek(), failures.peek());
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private void complete(String id) {
        // Only what the hub has handed over can move on: until it has recorded the department's acceptance, the
        // department's system would not have the application either.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> !answered(node -> node.get("/api/v1/applications/" + id, "dept-health")).json()
                        .path("status").asText().equals("SUBMITTED"));
        for (String step : STEPS) {
            String body = "{\"applicationId\": \"" + id + "\", \"status\": \"" + step + "\"}";
            HubClient.Answer answer = answered(node -> node.post(CALLBACK, "dept-health", null, "application/json",
                    body));
            if (answer.status() != 200) {
                throw new IllegalStateException(id + " " + step + " answered " + answer.status() + ": "
                        + answer.response().body());
            }
        }
        completed.add(id);
    }

    private interface Call {
        HubClient.Answer on(HubClient node);
    }

    /** Makes the call until a node answers it with anything but 401. */
    private HubClient.Answer answered(Call call) {
        int current = 0;
        while (true) {
            try {
                HubClient.Answer answer = call.on(nodes.get(current).client().get());
                if (answer.status() != 401) {
                    return answer;
                }
            } catch (IllegalStateException noAnswer) {
                current = (current + 1) % nodes.size();
            }
            backOff();
        }
    }

    /**
     * The department's pause before it calls again (what it simulates, not a wait for the test's sake), so that it
     * does not spin on a port nobody listens on.
     */
    private static void backOff() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
