package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class AccessTest extends HubIntegrationTest {

    @Autowired
    JwtDecoder tokens;

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
    void aDepartmentTokenMayNotSubmitNorReadAnotherDepartmentsApplication() {
        Answer submit = hub.submit("dept-revenue", "key-of-a-department", Applications.domicile("G N Bhat"));
        String revenue = hub.submit("portal", "key-of-the-portal", Applications.domicile("G N Bhat")).json()
                .path("applicationId").asText();
        Answer read = hub.get("/api/v1/applications/" + revenue, "dept-health");

        assertThat(submit.status()).isEqualTo(403);
        assertThat(submit.json().path("type").asText()).isEqualTo("urn:sangam:problem:forbidden");
        assertThat(submit.json().path("detail").asText()).contains("'portal'").contains("'admin'");
        assertThat(read.status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({"portal, portal", "mobile-app, portal", "dept-revenue, department:revenue",
        "dept-health, department:health", "dept-education, department:education", "admin, admin"})
    void everyDemoClientGetsATokenWithItsScopeAndNoOther(String client, String scope) {
        // Read as the hub reads it: signed with its key, not expired.
        Jwt token = tokens.decode(hub.token(client));

        assertThat(token.getSubject()).isEqualTo(client);
        assertThat(token.getClaimAsStringList("scope")).containsExactly(scope);
        // And the hub grants what the scope says, nothing more: only the portal and administrators submit, only
        // administrators read the dead letters.
        boolean submits = scope.equals("portal") || scope.equals("admin");
        assertThat(hub.submit(client, UUID.randomUUID().toString(), Applications.domicile("G N Bhat")).status())
                .isEqualTo(submits ? 201 : 403);
        assertThat(hub.get("/api/v1/admin/dead-letters", client).status()).isEqualTo(scope.equals("admin") ? 200 : 403);
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
