package in.gov.sangam.applications;

import in.gov.sangam.messaging.Addresses;

/**
 * Flow 4: an application reached DELIVERED or REJECTED. Published once (through the outbox) to a multicast address
 * that the feedback and appeal subsystems each subscribe to.
 *
 * @param reason the department's reason, for a rejection (a rejection without one is appealed automatically)
 */
public record ApplicationCompleted(String applicationId, String serviceCode, String department, String status,
        String completedAt, String reason) {

    public static final String TYPE = "ApplicationCompleted";
    public static final String DESTINATION = "topic:" + Addresses.APPLICATION_COMPLETED;
}
