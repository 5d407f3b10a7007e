package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class AccessTest extends HubIntegrationTest {

    @Test
    void submittingWithoutATokenIsUnauthorized() {
        Answer answer = hub.submit(null, "key-without-token", Applications.domicile("G N Bhat"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:unauthenticated");
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        Answer answer = hub.raw(HttpRequest.newBuilder()
                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb3J0YWwifQ.c2lnbmF0dXJl")
                .GET(), "/api/v1/applications/SGM-2026-0000001");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("detail").asText()).contains("not valid");
    }

    @Test
    void aDepartmentTokenMayNotSubmitOrReadApplications() {
        Answer submit = hub.submit("dept-revenue", "key-of-a-department", Applications.domicile("G N Bhat"));
        Answer read = hub.get("/api/v1/applications/SGM-2026-0000001", "dept-health");

        assertThat(submit.status()).isEqualTo(403);
        assertThat(submit.json().path("type").asText()).isEqualTo("urn:sangam:problem:forbidden");
        assertThat(submit.json().path("detail").asText()).contains("portal");
        assertThat(read.status()).isEqualTo(403);
    }

    @Test
    void everyDemoClientGetsATokenWithItsScope() {
        for (String client : new String[] {"portal", "dept-revenue", "dept-health", "dept-education", "admin"}) {
            assertThat(hub.token(client)).isNotBlank();
        }
    }

    @Test
    void aWrongClientSecretGetsNoToken() {
        Answer answer = hub.raw(HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=portal&client_secret=guess")), "/oauth2/token");

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void theCatalogueAndHealthArePublic() {
        assertThat(hub.get("/api/v1/departments", null).status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/services", null).status()).isEqualTo(200);
        assertThat(hub.raw(HttpRequest.newBuilder().GET(), "/actuator/health").status()).isEqualTo(200);
    }
}
