package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.support.ContractValidator;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** A request header never stands in for a query or path parameter: only the query string and the path count. */
class ParameterHeadersTest extends HubIntegrationTest {

    @Test
    void headersNamedLikeQueryParametersAreIgnored() {
        Answer plain = hub.get("/api/v1/services", null);

        for (String[] header : new String[][] {{"size", "-1"}, {"page", "abc"}, {"SIZE", "0"}, {"Page", "-5"},
                {"department", "../../etc"}, {"q", "'; DROP TABLE application; --"}}) {
            Answer answer = get("/api/v1/services", null, header[0], header[1]);

            assertThat(answer.status()).as("header %s: %s", header[0], header[1]).isEqualTo(200);
            assertThat(answer.json().path("page").asInt()).isEqualTo(1);
            assertThat(answer.json().path("size").asInt()).isEqualTo(20);
            assertThat(answer.json()).isEqualTo(plain.json());
        }
    }

    @Test
    void headersNamedLikeQueryParametersOfAnOperationWithATokenAreIgnored() {
        Answer answer = get("/api/v1/admin/dead-letters", "admin", "size", "-1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("size").asInt()).isEqualTo(20);
    }

    @Test
    void aHeaderNamedLikeAPathParameterDoesNotNameAnotherService() {
        Answer answer = get("/api/v1/services/revenue-domicile-certificate", null, "serviceCode", "no-such-service");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("code").asText()).isEqualTo("revenue-domicile-certificate");
    }

    @Test
    void theSameValueInTheQueryStringIsStillChecked() {
        Answer answer = hub.get("/api/v1/services?size=-1", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
    }

    private Answer get(String path, String client, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder().GET().header(header, value);
        if (client != null) {
            request.header("Authorization", "Bearer " + hub.token(client));
        }
        Answer answer = hub.raw(request, path);
        ContractValidator.assertConforms("GET", path, answer.response());
        return answer;
    }
}
