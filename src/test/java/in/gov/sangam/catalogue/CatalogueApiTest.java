package in.gov.sangam.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CatalogueApiTest extends HubIntegrationTest {

    @Autowired
    DepartmentSimulators simulators;

    @Test
    void listsEachDepartmentWithItsServiceCountWithoutAToken() {
        Answer answer = hub.get("/api/v1/departments", null);

        assertThat(answer.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        answer.json().path("items").forEach(d -> codes.add(d.path("code").asText()));
        assertThat(codes).containsExactly("education", "health", "revenue");
        answer.json().path("items").forEach(d -> assertThat(d.path("serviceCount").asInt()).isGreaterThanOrEqualTo(10));
        List<String> protocols = new ArrayList<>();
        answer.json().path("items").forEach(d -> protocols.add(d.path("connector").path("protocol").asText()));
        assertThat(protocols).containsExactly("sftp-batch", "rest", "soap");
        // In the demo each names its simulator, which answers there.
        assertThat(answer.json().path("items").get(1).path("connector").path("simulator").asText())
                .isEqualTo(simulators.baseUrl("health").orElseThrow());
        assertThat(answer.json().path("items").get(0).path("connector").path("simulator").asText())
                .isEqualTo(simulators.sftpAddress("education").orElseThrow().replace("127.0.0.1", "localhost"));
    }

    @Test
    void pagesThroughTheWholeCatalogue() {
        Answer first = hub.get("/api/v1/services?size=10", null);
        int total = first.json().path("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(30);

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= (total + 9) / 10; page++) {
            Answer answer = hub.get("/api/v1/services?size=10&page=" + page, null);
            assertThat(answer.json().path("page").asInt()).isEqualTo(page);
            answer.json().path("items").forEach(s -> seen.add(s.path("code").asText()));
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        assertThat(hub.get("/api/v1/services?size=10&page=99", null).json().path("items")).isEmpty();
    }

    @Test
    void filtersByDepartmentAndSearchesNamesIgnoringCase() {
        Answer health = hub.get("/api/v1/services?department=health&size=100", null);
        // Every one of health's services, and no other department's.
        assertThat(health.json().path("items")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(health.json().path("items")).hasSize(health.json().path("total").asInt());
        assertThat(health.json().path("total").asInt()).isEqualTo(serviceCount("health"));
        health.json().path("items").forEach(s -> assertThat(s.path("department").asText()).isEqualTo("health"));

        Answer found = hub.get("/api/v1/services?q=DOMICILE", null);
        assertThat(found.json().path("total").asInt()).isEqualTo(1);
        JsonNode domicile = found.json().path("items").get(0);
        assertThat(domicile.path("code").asText()).isEqualTo("revenue-domicile-certificate");
        assertThat(domicile.path("timelineDays").asInt()).isPositive();

        assertThat(hub.get("/api/v1/services?q=drug%20licence&department=health", null).json().path("total").asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(hub.get("/api/v1/services?q=no-such-words-anywhere", null).json().path("total").asInt()).isZero();
    }

    @Test
    void givesTheWholeEntryOfAServiceWithItsFormSchema() {
        Answer answer = hub.get("/api/v1/services/revenue-domicile-certificate", null);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode service = answer.json();
        assertThat(service.path("department").asText()).isEqualTo("revenue");
        assertThat(service.path("designatedOfficer").asText()).isNotBlank();
        assertThat(service.path("firstAppellateAuthority").asText()).isNotBlank();
        assertThat(service.path("secondAppellateAuthority").asText()).isNotBlank();
        assertThat(service.path("feedbackEnabled").asBoolean()).isTrue();
        assertThat(service.path("autoAppealEnabled").asBoolean()).isTrue();
        assertThat(hub.get("/api/v1/services/revenue-category-certificate", null).json().path("autoAppealEnabled")
                .isBoolean()).isTrue();
        assertThat(hub.get("/api/v1/services/revenue-khasra-girdawari-copy", null).json().path("feedbackEnabled")
                .asBoolean(true)).isFalse();
        assertThat(service.path("formSchema").path("required")).isNotEmpty();
        assertThat(service.path("formSchema").path("properties")).hasSizeGreaterThanOrEqualTo(3);
        service.path("formSchema").path("properties").forEach(field -> {
            assertThat(field.path("title").asText()).isNotBlank();
            assertThat(field.path("examples")).isNotEmpty();
        });
    }

    @Test
    void anUnknownServiceIsANotFoundProblem() {
        Answer answer = hub.get("/api/v1/services/revenue-no-such-service", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).contains("revenue-no-such-service");
    }

    @Test
    void badQueryParametersAreNamedInTheProblem() {
        Answer answer = hub.get("/api/v1/services?size=500&page=0&department=Revenue!", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:invalid-request");
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("department", "page", "size");
        answer.json().path("errors").forEach(e -> assertThat(e.path("message").asText()).startsWith("must"));
    }

    private int serviceCount(String department) {
        for (JsonNode listed : hub.get("/api/v1/departments", null).json().path("items")) {
            if (listed.path("code").asText().equals(department)) {
                return listed.path("serviceCount").asInt();
            }
        }
        throw new AssertionError(department + " is not listed");
    }
}
