package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client reads only the applications it submitted, a department only its own department's, an administrator all;
 * anything else is answered exactly like an id that does not exist, so counting up ids reveals nothing.
 */
@Timeout(60)
class ObjectAccessTest extends HubIntegrationTest {

    @Test
    void thePortalAndTheMobileAppEachSeeOnlyTheirOwnApplications() {
        String byPortal = submit("portal", "health-birth-registration");
        String byApp = submit("mobile-app", "health-birth-registration");

        assertThat(hub.get("/api/v1/applications/" + byPortal, "portal").status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/applications/" + byApp, "mobile-app").status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/applications/" + byApp, "portal").status()).isEqualTo(404);
        assertThat(hub.get("/api/v1/applications/" + byPortal, "mobile-app").status()).isEqualTo(404);
    }

    @Test
    void aDepartmentSeesOnlyItsOwnDepartmentsApplicationsAndAnAdministratorAll() {
        String health = submit("portal", "health-birth-registration");
        String revenue = submit("mobile-app", "revenue-domicile-certificate");

        assertThat(hub.get("/api/v1/applications/" + health, "dept-health").status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/applications/" + revenue, "dept-revenue").status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/applications/" + revenue, "dept-health").status()).isEqualTo(404);
        assertThat(hub.get("/api/v1/applications/" + health, "dept-education").status()).isEqualTo(404);
        assertThat(hub.get("/api/v1/applications/" + health, "admin").status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/applications/" + revenue, "admin").status()).isEqualTo(200);
    }

    @Test
    void someoneElsesApplicationIsAnsweredExactlyLikeOneThatDoesNotExist() {
        String byPortal = submit("portal", "health-birth-registration");
        String unknown = "SGM-2026-9999998";

        Answer hidden = hub.get("/api/v1/applications/" + byPortal, "mobile-app");
        Answer missing = hub.get("/api/v1/applications/" + unknown, "mobile-app");

        assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(404);
        assertThat(hidden.response().body().replace(byPortal, "ID"))
                .isEqualTo(missing.response().body().replace(unknown, "ID"));
        assertThat(hidden.response().headers().map().keySet())
                .isEqualTo(missing.response().headers().map().keySet());
    }

    private String submit(String client, String service) {
        Answer answer = hub.submit(client, UUID.randomUUID().toString(), Applications.forService(hub, service));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().path("applicationId").asText();
    }
}
