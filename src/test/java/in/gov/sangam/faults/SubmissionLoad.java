package in.gov.sangam.faults;

import in.gov.sangam.support.HubClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Portal threads submitting applications to hub nodes as fast as the hubs answer, as many as the test allows
 * ({@link #allow}), recording every answer: which applications were acknowledged (201) and by which node, and what
 * else was answered and when. A submission that got no answer is made again with the same Idempotency-Key, on the
 * next node if there is one (as a load balancer would), after a short back-off; a node that answers, whatever it
 * answers, is taken at its word, and a submission it did not acknowledge is given up for a new one.
 */
final class SubmissionLoad implements AutoCloseable {

    /** The answer to one submission ({@link #UNREACHABLE} for none): which node, when it was asked and answered. */
    record Answer(String node, Instant sentAt, Instant answeredAt, int status, String problemType,
            String applicationId) {
    }

    /** A node by name, and how to reach it now (a restarted node has a new client: its tokens are new). */
    record Node(String name, Supplier<HubClient> client) {
    }

    static final int UNREACHABLE = -1;

    private final String submission;
    /** Daemon threads: a test that fails before it stops the load does not keep the JVM alive. */
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "portal");
        thread.setDaemon(true);
        return thread;
    });
    /** One permit per application still to be acknowledged. */
    private final Semaphore toAcknowledge = new Semaphore(0);
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, String> acknowledgedBy = new ConcurrentHashMap<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    SubmissionLoad(String submission) {
        this.submission = submission;
    }

    /** Starts {@code count} threads submitting through {@code nodes}: the first one while it answers. */
    void start(int count, Node... nodes) {
        for (int i = 0; i < count; i++) {
            threads.submit(() -> submitUntilStopped(List.of(nodes)));
        }
    }

    /** Lets the threads go on until {@code count} more applications have been acknowledged. */
    void allow(int count) {
        toAcknowledge.release(count);
    }

    /** The applications acknowledged so far, each with the node that acknowledged it. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledgedBy);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The answers to submissions sent at or after {@code from} and answered before {@code to}. */
    List<Answer> askedAndAnsweredBetween(Instant from, Instant to) {
        List<Answer> found = new ArrayList<>();
        for (Answer answer : answers) {
            if (!answer.sentAt().isBefore(from) && answer.answeredAt().isBefore(to)) {
                found.add(answer);
            }
        }
        return found;
    }

    /**
     * Stops every thread once its submission in flight is answered, and fails if an answer broke the contract or a
     * thread broke otherwise.
     */
    void stop() throws InterruptedException {
        running = false;
        toAcknowledge.release(Integer.MAX_VALUE / 2);
        threads.shutdown();
        if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The load did not stop");
        }
        if (!failures.isEmpty()) {
            AssertionError failed = new AssertionError(failures.size() + " submissions failed the test; the first: "
                    + failures.peek(), failures.peek());
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    private void submitUntilStopped(List<Node> nodes) {
        try {
            while (running) {
                toAcknowledge.acquire();
                if (running && !acknowledged(nodes)) {
                    toAcknowledge.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable brokeTheContract) {
            failures.add(brokeTheContract);
        }
    }

    /** Submits one new application until a node answers; true if it was acknowledged. */
    private boolean acknowledged(List<Node> nodes) {
        String key = UUID.randomUUID().toString();
        int current = 0;
        while (running) {
            Node node = nodes.get(current);
            Instant sentAt = Instant.now();
            HubClient.Answer answer;
            try {
                answer = node.client().get().submit("portal", key, submission);
            } catch (IllegalStateException noAnswer) {
                // Refused, reset, or no token to be had: the same submission again, elsewhere if possible.
                answers.add(new Answer(node.name(), sentAt, Instant.now(), UNREACHABLE, null, null));
                current = (current + 1) % nodes.size();
                backOff();
                continue;
            }
            if (answer.status() == 401) {
                // A token from before the node's restart: asked again once the test has the node's new client.
                backOff();
                continue;
            }
            boolean acknowledged = answer.status() == 201 || answer.status() == 200;
            String applicationId = acknowledged ? answer.json().path("applicationId").asText() : null;
            answers.add(new Answer(node.name(), sentAt, Instant.now(), answer.status(),
                    answer.json() == null ? null : answer.json().path("type").asText(null), applicationId));
            if (acknowledged) {
                acknowledgedBy.putIfAbsent(applicationId, node.name());
                return true;
            }
            backOff();
            return false;
        }
        return false;
    }

    /**
     * A portal's pause before it asks again (what it simulates, not a wait for the test's sake), so that threads do
     * not spin on a port nobody listens on.
     */
    private static void backOff() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
