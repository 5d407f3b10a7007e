package in.gov.sangam.applications;

import in.gov.sangam.messaging.Addresses;

/**
 * Flow 4: an application reached DELIVERED or REJECTED. Published once (through the outbox) to a multicast address
 * that the feedback and appeal subsystems each subscribe to. It carries what a subscriber needs without calling the
 * hub back, except the citizen's number: the event travels through the broker, its journal and its dead letters,
 * so it names whose contact to use ({@code contactRef}) and the number is looked up only where an SMS is sent.
 *
 * @param eventId the event's own id, which its subscribers deduplicate on: it stays the same when the event is sent
 *     again (a dead letter replayed, the reconciler re-driving it), while each sending is a new broker message
 * @param district the applicant's district (ratings are summed per district; districts have holidays of their own)
 * @param outcome DELIVERED or REJECTED
 * @param reason the department's reason, for a rejection (a rejection without one is appealed automatically)
 * @param acknowledgedAt when the hub acknowledged it: its PSGA timeline's start
 * @param dueBy the PSGA deadline as it stood at completion, moved on by the time the clock stood
 * @param onTime whether it was completed by {@code dueBy}
 * @param language the applicant's language (en, hi, ur), for any message to them
 * @param contactRef whose contact details to use: the application, whose applicant's number the hub keeps
 */
public record ApplicationCompleted(String eventId, String applicationId, String serviceCode, String department,
        String district, String outcome, String reason, String acknowledgedAt, String completedAt, String dueBy,
        boolean onTime,
        String language, String contactRef) {

    public static final String TYPE = "ApplicationCompleted";
    public static final String DESTINATION = "topic:" + Addresses.APPLICATION_COMPLETED;
}
