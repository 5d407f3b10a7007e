package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.api.Caller;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rights are checked twice: even a request that reached the routes without passing security (a routing mistake,
 * simulated by calling the operation's route directly) is refused by the domain when the caller lacks the scope.
 */
@Timeout(60)
class CheckedTwiceTest extends HubIntegrationTest {

    @Autowired
    ProducerTemplate routes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStatusUpdateReachingTheRouteWithAnotherDepartmentsScopeIsRefused() {
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration")).json().path("applicationId").asText();
        int historyBefore = historyOf(id);

        Exchange answer = routes.request("direct:reportStatusUpdate", exchange -> {
            exchange.getMessage().setHeaders(Map.of("department", "health",
                    Caller.CLIENT_HEADER, "dept-revenue", Caller.SCOPES_HEADER, "department:revenue"));
            exchange.getMessage().setBody("{\"applicationId\": \"" + id + "\", \"status\": \"REJ\", \"reason\": \"x\"}");
        });

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(403);
        assertThat(answer.getMessage().getBody(String.class)).contains("department:health");
        assertThat(historyOf(id)).isEqualTo(historyBefore);
    }

    @Test
    void theDeadLetterOperationsReachedWithoutTheAdminScopeAreRefused() {
        Exchange list = routes.request("direct:listDeadLetters", exchange ->
                exchange.getMessage().setHeader(Caller.SCOPES_HEADER, "portal"));
        Exchange replay = routes.request("direct:replayDeadLetter", exchange -> exchange.getMessage().setHeaders(
                Map.of("deadLetterId", 1L, Caller.SCOPES_HEADER, "department:health")));

        assertThat(list.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(403);
        assertThat(replay.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(403);
        assertThat(replay.getMessage().getBody(String.class)).contains("'admin'");
    }

    @Test
    void theReconciliationReachedWithoutTheAdminScopeIsRefused() {
        Exchange withoutAdmin = routes.request("direct:getReconciliation", exchange ->
                exchange.getMessage().setHeader(Caller.SCOPES_HEADER, "portal department:health"));
        Exchange withoutScopes = routes.request("direct:getReconciliation", exchange -> { });

        for (Exchange refused : List.of(withoutAdmin, withoutScopes)) {
            assertThat(refused.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(403);
            assertThat(refused.getMessage().getBody(String.class)).contains("'admin'");
        }
    }

    @Test
    void theHubsOwnCallerHeadersCannotBeSentAsQueryParametersEither() {
        String id = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration")).json().path("applicationId").asText();

        var asAdmin = hub.call("GET", "/api/v1/applications/" + id + "?Sangam-Client-Scopes=admin",
                hub.token("mobile-app"), null);
        var asPortal = hub.call("GET", "/api/v1/applications/" + id + "?sangam-client-id=portal&Sangam-Client-Scopes"
                + "=portal", hub.token("mobile-app"), null);
        var anonymous = hub.call("GET", "/api/v1/services?Sangam-Client-Scopes=admin", null, null);

        assertThat(asAdmin.status()).isEqualTo(400);
        assertThat(asAdmin.json().path("detail").asText()).contains("Sangam-Client-Scopes");
        assertThat(asPortal.status()).isEqualTo(400);
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(hub.call("GET", "/api/v1/applications/" + id, hub.token("mobile-app"), null).status())
                .isEqualTo(404);
    }

    @Test
    void theHubsOwnCallerHeadersCannotBeSentAsFormFields() {
        String byPortal = hub.submit("portal", UUID.randomUUID().toString(),
                Applications.forService(hub, "health-birth-registration")).json().path("applicationId").asText();
        String form = "--b\r\nContent-Disposition: form-data; name=\"Sangam-Client-Scopes\"\r\n\r\n admin \r\n--b--\r\n";

        var answer = hub.raw(java.net.http.HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + hub.token("mobile-app"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .method("GET", java.net.http.HttpRequest.BodyPublishers.ofString(form)),
                "/api/v1/applications/" + byPortal);

        assertThat(answer.status()).isIn(400, 404, 415);
        assertThat(answer.response().body()).doesNotContain("Aisha");
    }

    private int historyOf(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM application_history WHERE application_id = :id").param("id", id)
                .query(Integer.class).single();
    }
}
