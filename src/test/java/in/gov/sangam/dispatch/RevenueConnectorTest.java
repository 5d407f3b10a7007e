package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import in.gov.sangam.demo.DepartmentSimulators;
import in.gov.sangam.support.ApplicationRows;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubIntegrationTest;
import java.io.StringReader;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The revenue department's SOAP 1.1 service, simulated by WireMock over real HTTP. */
class RevenueConnectorTest extends HubIntegrationTest {

    private static final String SERVICE = "/revenue/services/ApplicationService";
    private static final String REVENUE_NS = "urn:jk:revenue:applications:v1";

    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JdbcClient jdbc;

    ApplicationRows rows;

    WireMockServer revenue;

    @BeforeEach
    void simulator() {
        rows = new ApplicationRows(jdbc);
        revenue = simulators.server("revenue");
    }

    @Test
    void anApplicationIsSubmittedOverSoapAndComesBackForwardedWithItsCaseNumber() {
        String id = submit(Applications.domicile("Ghulam Nabi Bhat"));

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));

        assertThat(rows.reference(id)).isEqualTo("REV/" + Year.now() + "/" + id);
        List<LoggedRequest> calls = submissionsOf(id);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getHeader("SOAPAction")).contains("SubmitApplication");
        assertThat(calls.get(0).getBodyAsString())
                .contains("<rev:districtCode>0101</rev:districtCode>")
                .contains("<rev:receivedOn>2026-11-29</rev:receivedOn>")
                .contains("<rev:field name=\"residentSinceYear\">1998</rev:field>");
    }

    @Test
    void textThatCouldBreakXmlReachesTheRevenueServiceExactlyAsWritten() throws Exception {
        String name = "Tom & Jerry <b>]]> &amp; end";
        String fatherName = "</rev:field><rev:field name=\"x\">]]>&lt;";
        String id = submit(Applications.domicile(fatherName.replace("\"", "\\\""))
                .replace("\"Aisha Bhat\"", "\"" + name + "\""));

        // A request the department cannot read is refused: a dead letter, whose reason the failure shows.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rows.status(id).equals("FORWARDED") || rows.deadLetterReason(id) != null);
        assertThat(rows.deadLetterReason(id)).isNull();

        List<LoggedRequest> calls = submissionsOf(id);
        assertThat(calls).hasSize(1);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document sent = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(calls.get(0).getBodyAsString())));
        assertThat(sent.getElementsByTagNameNS(REVENUE_NS, "name").item(0).getTextContent()).isEqualTo(name);
        NodeList fields = sent.getElementsByTagNameNS(REVENUE_NS, "field");
        List<String> fatherNames = new ArrayList<>();
        for (int i = 0; i < fields.getLength(); i++) {
            Element field = (Element) fields.item(i);
            if (field.getAttribute("name").equals("fatherName")) {
                fatherNames.add(field.getTextContent());
            }
        }
        assertThat(fatherNames).containsExactly(fatherName);
        assertThat(fields.getLength()).isEqualTo(3);
    }

    @Test
    void aSoapClientFaultIsADeadLetterWithTheFaultStringAndIsNotRetried() {
        String id = submit(Applications.domicile("Ghulam Nabi Bhat").replace("Khanyar", "Atlantis"));

        await().atMost(Duration.ofSeconds(20)).until(() -> rows.deadLetterReason(id) != null);

        assertThat(rows.deadLetterReason(id)).contains("Tehsil 'Atlantis' is not in the revenue master")
                .contains("soapenv:Client");
        assertThat(rows.status(id)).isEqualTo("SUBMITTED");
        // Never sent again, over a period in which the broker would have redelivered it many times.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> submissionsOf(id).size() == 1);
    }

    @Test
    void aSoapFaultDeadLetterCanBeReplayedOnceTheRevenueMasterKnowsTheTehsil() {
        String id = submit(Applications.domicile("Replayed Once").replace("Khanyar", "Atlantis"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.deadLetterReason(id) != null);
        long letter = 0;
        for (JsonNode item : hub.get("/api/v1/admin/dead-letters?size=100", "admin").json().path("items")) {
            if (item.path("applicationId").asText().equals(id)) {
                letter = item.path("id").asLong();
            }
        }

        // The revenue master now has the tehsil: this application is accepted.
        StubMapping known = revenue.stubFor(post(urlPathEqualTo(SERVICE)).atPriority(1)
                .withHeader("SOAPAction", containing("SubmitApplication"))
                .withRequestBody(containing("Replayed Once"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                                + "<rev:SubmitApplicationResponse xmlns:rev=\"urn:jk:revenue:applications:v1\">"
                                + "<rev:caseNumber>REV/REPLAYED/1</rev:caseNumber><rev:statusCode>RECEIVED"
                                + "</rev:statusCode></rev:SubmitApplicationResponse></soapenv:Body></soapenv:Envelope>")));
        try {
            assertThat(hub.post("/api/v1/admin/dead-letters/" + letter + "/replay", "admin", null,
                    "application/json", "").status()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));
            assertThat(rows.reference(id)).isEqualTo("REV/REPLAYED/1");
            assertThat(submissionsOf(id)).hasSize(2);
        } finally {
            revenue.removeStub(known);
        }
    }

    @Test
    void aSoapServerFaultIsRetriedAndTheApplicationIsSentOnce() {
        // Only this test's application meets the fault, whatever else is on its way to the revenue service.
        StubMapping fault = revenue.stubFor(post(urlPathEqualTo(SERVICE)).atPriority(1)
                .withHeader("SOAPAction", containing("SubmitApplication"))
                .withRequestBody(containing("Server Fault Once"))
                .inScenario("server-fault").whenScenarioStateIs("Started").willSetStateTo("fixed")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
                        .withBody(fault("soapenv:Server", "Database connection lost"))));
        try {
            String id = submit(Applications.domicile("Server Fault Once"));

            await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));

            assertThat(submissionsOf(id)).hasSize(2);
        } finally {
            revenue.removeStub(fault);
            revenue.resetScenarios();
        }
    }

    @Test
    void openApplicationsArePolledAndTheirStatusesApplied() {
        String id = submit(Applications.domicile("Ghulam Nabi Bhat"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));
        String reference = rows.reference(id);

        StubMapping verifying = statusAnswer(reference, "UNDER_VERIFICATION", "With the Patwari for field report.",
                null);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("IN_PROCESS"));
        revenue.removeStub(verifying);
        StubMapping issued = statusAnswer(reference, "ISSUED", "Certificate signed by the Tehsildar.", null);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("DELIVERED"));
        } finally {
            revenue.removeStub(issued);
        }

        JsonNode history = hub.get("/api/v1/applications/" + id, "portal").json().path("history");
        List<String> steps = new ArrayList<>();
        history.forEach(step -> steps.add(step.path("status").asText()));
        assertThat(steps).containsExactly("SUBMITTED", "FORWARDED", "IN_PROCESS", "DELIVERED");
        assertThat(history.get(2).path("remark").asText()).isEqualTo("With the Patwari for field report.");
        assertThat(revenue.findAll(postRequestedFor(urlPathEqualTo(SERVICE))
                .withHeader("SOAPAction", containing("GetApplicationStatus"))
                .withRequestBody(containing(reference)))).isNotEmpty();
    }

    @Test
    void anAnswerWithAnExternalEntityIsNotReadAndChangesNothing() {
        String id = submit(Applications.domicile("Ghulam Nabi Bhat"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.status(id).equals("FORWARDED"));
        String reference = rows.reference(id);
        StubMapping hostile = revenue.stubFor(post(urlPathEqualTo(SERVICE)).atPriority(1)
                .withHeader("SOAPAction", containing("GetApplicationStatus"))
                .withRequestBody(containing(reference))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                                + statusBody(reference, "ISSUED", "&x;"))));
        try {
            // The hostile answer was really given, to two polls: the hub read it and applied nothing.
            await().atMost(Duration.ofSeconds(20)).until(() -> servedBy(hostile) >= 2);

            assertThat(rows.status(id)).isEqualTo("FORWARDED");
            assertThat(rows.historySize(id)).isEqualTo(2);
        } finally {
            revenue.removeStub(hostile);
        }
    }

    /** How many requests the stub answered (not merely how many came: another stub may have answered them). */
    private long servedBy(StubMapping stub) {
        return revenue.getAllServeEvents().stream()
                .filter(event -> event.getStubMapping() != null && stub.getId().equals(event.getStubMapping().getId()))
                .count();
    }

    private StubMapping statusAnswer(String reference, String code, String remark, String reason) {
        return revenue.stubFor(post(urlPathEqualTo(SERVICE)).atPriority(1)
                .withHeader("SOAPAction", containing("GetApplicationStatus"))
                .withRequestBody(matchingXPath("//*[local-name()='caseNumber'][text()='" + reference + "']"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(statusBody(reference, code, remark))));
    }

    private static String statusBody(String reference, String code, String remark) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<rev:GetApplicationStatusResponse xmlns:rev=\"urn:jk:revenue:applications:v1\"><rev:case>"
                + "<rev:caseNumber>" + reference + "</rev:caseNumber><rev:statusCode>" + code + "</rev:statusCode>"
                + "<rev:remark>" + remark + "</rev:remark></rev:case></rev:GetApplicationStatusResponse>"
                + "</soapenv:Body></soapenv:Envelope>";
    }

    private static String fault(String code, String message) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<soapenv:Fault><faultcode>" + code + "</faultcode><faultstring>" + message + "</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    private List<LoggedRequest> submissionsOf(String id) {
        return revenue.findAll(postRequestedFor(urlPathEqualTo(SERVICE))
                .withHeader("SOAPAction", containing("SubmitApplication"))
                .withRequestBody(containing("<rev:hubReference>" + id + "</rev:hubReference>")));
    }

    private String submit(String body) {
        return hub.submit("portal", UUID.randomUUID().toString(), body).json().path("applicationId").asText();
    }
}
