package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check every integration test relies on does catch an answer the contract does not allow; and the contract's
 * free-text pattern, as the hub's request validator (the same Atlassian validator) reads it, refuses control and
 * bidirectional-override characters while accepting text in any script.
 */
class ContractValidatorTest {

    /** Requests are checked as the hub checks them (ContractRequestValidator uses this validator too). */
    private static final OpenApiInteractionValidator REQUESTS = OpenApiInteractionValidator
            .createForSpecificationUrl("openapi/portal-api.yaml")
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @ParameterizedTest
    @ValueSource(strings = {
            "Aisha\u0007Bhat", // a control character (BEL)
            "Aisha \u202EtahB", // a right-to-left override: would display as "Aisha Bhat"
            "\u2067Aisha Bhat\u2069", // a right-to-left isolate
            "Aisha Bhat\n", // a trailing line break, which a careless "$" would let through
            "Aisha\u0085Bhat", // a C1 control (next line)
    })
    void refusesControlAndBidiCharactersInTheApplicantsName(String name) throws JsonProcessingException {
        ValidationReport report = submitWithApplicantName(name);

        assertThat(report.getMessages())
                .anySatisfy(message -> {
                    assertThat(message.getKey()).isEqualTo("validation.request.body.schema.pattern");
                    assertThat(message.getMessage()).contains("/applicant/name");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Aisha Bhat",
            "आयशा भट", // Devanagari
            "क्षितिज शर्मा", // Devanagari with conjuncts
            "عائشہ بٹ", // Urdu (Nastaliq, right to left by itself, no override needed)
            "𠮷田 Aisha", // U+20BB7, outside the Basic Multilingual Plane (a surrogate pair in UTF-16)
            "Zoë O'Neil-Dar",
    })
    void acceptsNamesInAnyScript(String name) throws JsonProcessingException {
        ValidationReport report = submitWithApplicantName(name);

        assertThat(report.getMessages()).as(report.toString()).isEmpty();
    }

    @Test
    void refusesABidiOverrideInAnAnswerToo() {
        String application = """
                {"applicationId": "SGM-2026-0000042", "serviceCode": "revenue-domicile-certificate",
                 "serviceName": "Domicile Certificate", "department": "revenue", "status": "SUBMITTED",
                 "acknowledgedAt": "2026-11-29T10:15:30+05:30", "dueBy": "2026-12-14T10:15:30+05:30",
                 "applicant": {"name": "Aisha \u202EtahB", "mobile": "******3210", "district": "Srinagar",
                               "language": "ur"},
                 "history": [{"status": "SUBMITTED", "at": "2026-11-29T10:15:30+05:30"}], "appeals": []}""";

        assertThatThrownBy(() -> ContractValidator.assertConforms("GET", "/api/v1/applications/SGM-2026-0000042",
                response(200, "application/json", application)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/applicant/name");
    }

    private static ValidationReport submitWithApplicantName(String name) throws JsonProcessingException {
        String body = """
                {"serviceCode": "revenue-domicile-certificate",
                 "applicant": {"name": %s, "mobile": "+919876543210", "district": "Srinagar", "language": "ur"},
                 "formData": {"fatherName": "Ghulam Nabi Bhat", "residentSinceYear": 1998}}""".formatted(
                JSON.writeValueAsString(name));
        return REQUESTS.validateRequest(SimpleRequest.Builder.post("/api/v1/applications")
                .withContentType("application/json")
                .withHeader("Authorization", "Bearer any-token")
                .withHeader("Idempotency-Key", "6f1c2a4e-9d3b-4c55-8e2f-0a7d8b1c9e42")
                .withBody(body)
                .build());
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
