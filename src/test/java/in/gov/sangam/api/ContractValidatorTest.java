package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.support.ContractValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The check every integration test relies on does catch an answer the contract does not allow. */
class ContractValidatorTest {

    @Test
    void acceptsAnAnswerTheContractAllows() {
        assertThatCode(() -> ContractValidator.assertConforms("GET", "/api/v1/departments", response(200,
                "application/json", "{\"items\": [{\"code\": \"revenue\", \"name\": \"Revenue\", \"serviceCount\": 1}]}")))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsAnAnswerWithAMissingField() {
        assertThatThrownBy(() -> ContractValidator.assertConforms("GET", "/api/v1/departments", response(200,
                "application/json", "{\"items\": [{\"code\": \"revenue\"}]}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks the contract");
    }

    @Test
    void rejectsAnErrorThatIsNotAProblemDocument() {
        assertThatThrownBy(() -> ContractValidator.assertConforms("GET", "/api/v1/services/x", response(404,
                "application/problem+json", "{\"error\": \"Not Found\", \"status\": 404}")))
                .isInstanceOf(AssertionError.class);
    }

    private static HttpResponse<String> response(int status, String contentType, String body) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return null;
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return URI.create("http://localhost/api/v1/departments");
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
