package in.gov.sangam.messaging;

import java.util.List;

/**
 * Anycast queues a part of the hub needs on the embedded broker beyond the fixed ones (each department's dispatch
 * queue): messaging declares them without knowing the departments.
 */
public interface QueueNames {

    List<String> anycastQueues();
}
