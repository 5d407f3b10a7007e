package in.gov.sangam.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import in.gov.sangam.messaging.Addresses;

/**
 * The message that asks a department's connector to take an application to its legacy system. It carries only
 * identifiers: the connector reads the application from the store, so no citizen data sits in the broker's journal.
 *
 * @param departmentAnswer the department's answer, once it has taken the application but the hub could not record
 *     that (kept in the dead letter it became): the connector then only records it and never sends the application
 *     a second time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DispatchRequested(String applicationId, String serviceCode, String department,
        String departmentAnswer) {

    public static final String TYPE = "DispatchRequested";

    public DispatchRequested(String applicationId, String serviceCode, String department) {
        this(applicationId, serviceCode, department, null);
    }

    /** The same request, with the department's answer to it. */
    public DispatchRequested answered(String answer) {
        return new DispatchRequested(applicationId, serviceCode, department, answer);
    }

    /** The outbox destination of a department's dispatch messages. */
    public static String queueOf(String department) {
        return "queue:" + Addresses.dispatch(department);
    }
}
