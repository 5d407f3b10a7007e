package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.github.tomakehurst.wiremock.WireMockServer;
import in.gov.sangam.applications.Refused;
import in.gov.sangam.support.RouteSlice;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The status-polling route template ({@code routes/connector-status-polling.yaml}) on its own: its timer replaced by
 * a direct endpoint the test ticks, the revenue department's real status-query template, the department a WireMock
 * server over real HTTP (through the soap-call route of {@code connector-http.yaml}), the domain side a mock.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/connector-http.yaml,"
            + "classpath:routes/connector-status-polling.yaml",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
class StatusPollingRouteTest {

    private static final String TICK = "direct:status-poll-revenue";
    private static final String SERVICE = "/revenue/services/ApplicationService";

    static final WireMockServer REVENUE = new WireMockServer(options().dynamicPort());

    static {
        REVENUE.start();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "statusPolls")
    StatusPolls statusPolls;
    @MockitoBean(name = "connectorHealth")
    ConnectorHealth health;

    final List<String> applied = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stop() {
        REVENUE.stop();
    }

    @BeforeEach
    void route() throws Exception {
        if (!camel.isStarted()) {
            camel.getRegistry().bind("circuitBreaker-revenue", CircuitBreaker.ofDefaults("revenue"));
            TemplatedRouteBuilder.builder(camel, "soap-call").routeId("call-status-query-revenue")
                    .parameter("name", "direct:status-query-revenue")
                    .parameter("department", "revenue")
                    .parameter("endpoint", "http://localhost:" + REVENUE.port() + SERVICE)
                    .parameter("method", "POST")
                    .parameter("soapAction", "urn:jk:revenue:applications:v1:GetApplicationStatus")
                    .parameter("options", "connectTimeout=1000&responseTimeout=5000")
                    .parameter("circuitBreaker", "circuitBreaker-revenue")
                    .parameter("refusalCodes", "400,422")
                    .parameter("refusalFaultCodes", "Client")
                    .add();
            TemplatedRouteBuilder.builder(camel, "soap-status-polling").routeId("status-poll-revenue")
                    .parameter("department", "revenue")
                    .parameter("every", "30000")
                    .parameter("template", "connectors/revenue/mappings/status-request.xml.ftl")
                    .parameter("call", "direct:status-query-revenue")
                    .parameter("case", "//*[local-name()='case']")
                    .parameter("reference", "*[local-name()='caseNumber']")
                    .parameter("status", "*[local-name()='statusCode']")
                    .parameter("remark", "*[local-name()='remark']")
                    .parameter("reason", "*[local-name()='reason']")
                    .add();
            AdviceWith.adviceWith(camel, "status-poll-revenue", route -> route.replaceFromWith(TICK));
            camel.start();
        }
        REVENUE.resetAll();
        doAnswer(call -> {
            applied.add(call.getArgument(1) + " " + call.getArgument(2) + " " + call.getArgument(3) + " "
                    + call.getArgument(4));
            return null;
        }).when(statusPolls).apply(anyString(), any(), any(), any(), any());
    }

    private void nextBatchIs(String... references) {
        doReturn(Map.of("caseNumbers", List.of(references))).when(statusPolls).nextBatch("revenue");
    }

    private void revenueAnswers(String cases) {
        REVENUE.stubFor(post(urlPathEqualTo(SERVICE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                        + "<rev:GetApplicationStatusResponse xmlns:rev=\"urn:jk:revenue:applications:v1\">" + cases
                        + "</rev:GetApplicationStatusResponse></soapenv:Body></soapenv:Envelope>")));
    }

    private static String revenueCase(String number, String status, String more) {
        return "<rev:case><rev:caseNumber>" + number + "</rev:caseNumber><rev:statusCode>" + status
                + "</rev:statusCode>" + more + "</rev:case>";
    }

    @Test
    void theNextBatchIsAskedAboutInOneQueryOfTheDepartmentsOwnAndEachCaseIsApplied() {
        nextBatchIs("REV/2026/SGM-2026-0000001", "REV/2026/SGM-2026-0000002");
        revenueAnswers(revenueCase("REV/2026/SGM-2026-0000001", "UNDER_VERIFICATION",
                "<rev:remark>With the Patwari &amp; the Tehsildar</rev:remark>")
                + revenueCase("REV/2026/SGM-2026-0000002", "REJECTED", "<rev:reason>Not a resident</rev:reason>"));

        producer.sendBody(TICK, null);

        var queries = REVENUE.findAll(postRequestedFor(urlPathEqualTo(SERVICE))
                .withHeader("SOAPAction", equalTo("\"urn:jk:revenue:applications:v1:GetApplicationStatus\"")));
        assertThat(queries).singleElement().satisfies(query -> assertThat(query.getBodyAsString())
                .contains("<rev:GetApplicationStatusRequest>")
                .contains("<rev:caseNumber>REV/2026/SGM-2026-0000001</rev:caseNumber>")
                .contains("<rev:caseNumber>REV/2026/SGM-2026-0000002</rev:caseNumber>"));
        assertThat(applied).containsExactly(
                "REV/2026/SGM-2026-0000001 UNDER_VERIFICATION With the Patwari & the Tehsildar ",
                "REV/2026/SGM-2026-0000002 REJECTED  Not a resident");
        verify(health).succeeded("revenue");
    }

    @Test
    void oneCaseThatDoesNotFitNeverStopsTheOthers() {
        nextBatchIs("REV/1", "REV/2", "REV/3");
        revenueAnswers(revenueCase("REV/1", "ISSUED", "") + revenueCase("REV/2", "NO_SUCH_CODE", "")
                + revenueCase("REV/3", "ISSUED", ""));
        doAnswer(call -> {
            if ("REV/2".equals(call.getArgument(1))) {
                throw new Refused(Refused.Reason.INVALID, "NO_SUCH_CODE is not a revenue status");
            }
            applied.add(call.getArgument(1));
            return null;
        }).when(statusPolls).apply(anyString(), any(), any(), any(), any());

        producer.sendBody(TICK, null);

        assertThat(applied).containsExactly("REV/1", "REV/3");
        verify(statusPolls, times(3)).apply(eq("revenue"), any(), any(), any(), any());
    }

    @Test
    void withNothingOpenTheDepartmentIsNotAsked() {
        nextBatchIs();

        producer.sendBody(TICK, null);

        verify(statusPolls, times(1)).nextBatch("revenue");
        verify(statusPolls, never()).apply(any(), any(), any(), any(), any());
        assertThat(REVENUE.getAllServeEvents()).isEmpty();
    }
}
