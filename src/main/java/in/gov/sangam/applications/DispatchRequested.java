package in.gov.sangam.applications;

import in.gov.sangam.messaging.Addresses;

/**
 * The message that asks a department's connector to take an application to its legacy system. It carries only
 * identifiers: the connector reads the application from the store, so no citizen data sits in the broker's journal.
 */
public record DispatchRequested(String applicationId, String serviceCode, String department) {

    public static final String TYPE = "DispatchRequested";

    /** The outbox destination of a department's dispatch messages. */
    public static String queueOf(String department) {
        return "queue:" + Addresses.dispatch(department);
    }
}
