package in.gov.sangam.applications;

import in.gov.sangam.messaging.Addresses;

/**
 * Flow 4: an application reached DELIVERED or REJECTED. Published once (through the outbox) to a multicast address
 * that the feedback and appeal subsystems each subscribe to.
 *
 * @param eventId the event's own id, which its subscribers deduplicate on: it stays the same when the event is sent
 *     again (a dead letter replayed, the reconciler re-driving it), while each sending is a new broker message
 * @param reason the department's reason, for a rejection (a rejection without one is appealed automatically)
 */
public record ApplicationCompleted(String eventId, String applicationId, String serviceCode, String department, String status,
        String completedAt, String reason) {

    public static final String TYPE = "ApplicationCompleted";
    public static final String DESTINATION = "topic:" + Addresses.APPLICATION_COMPLETED;
}
