package in.gov.sangam.support;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.HubClient.Answer;
import java.util.UUID;

/**
 * Health applications driven through the hub's API as the appeal's tests drive them: submitted by the portal, then
 * moved on by the health department's call-backs, each call asserted to have been taken.
 */
public final class HealthDepartment {

    private static final String CALLBACK = "/api/v1/departments/health/status-updates";

    private HealthDepartment() {
    }

    /** @return the id of an application for the service, submitted by the portal with a new Idempotency-Key */
    public static String submit(HubClient hub, String serviceCode) {
        Answer answer = hub.submit("portal", UUID.randomUUID().toString(), Applications.forService(hub, serviceCode));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }

    /** @param update the call-back's fields but the application's id, as a JSON object: {@code {"status": "REG"}} */
    public static void report(HubClient hub, String applicationId, String update) {
        Answer answer = hub.post(CALLBACK, "dept-health", null, "application/json",
                "{\"applicationId\": \"" + applicationId + "\", " + update.substring(1));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
    }
}
