package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import in.gov.sangam.support.RouteSlice;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The status-polling route template ({@code routes/connector-status-polling.yaml}) on its own: its timer replaced by
 * a direct endpoint the test ticks, the poller a mock, the revenue department's real status-query template.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/connector-status-polling.yaml",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
class StatusPollingRouteTest {

    private static final String TICK = "direct:status-poll-revenue";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "statusPoller")
    StatusPoller statusPoller;

    final List<String> queries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void route() throws Exception {
        if (!camel.isStarted()) {
            TemplatedRouteBuilder.builder(camel, "status-polling").routeId("status-poll-revenue")
                    .parameter("department", "revenue")
                    .parameter("every", "30000")
                    .parameter("template", "connectors/revenue/mappings/status-request.xml.ftl")
                    .add();
            AdviceWith.adviceWith(camel, "status-poll-revenue", route -> route.replaceFromWith(TICK));
            camel.start();
        }
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            queries.add(exchange.getProperty("SangamDepartment") + ": " + exchange.getMessage().getBody(String.class));
            return null;
        }).when(statusPoller).query(any());
    }

    private void nextBatchIs(String... references) {
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            exchange.setProperty(StatusPoller.NOTHING_TO_POLL, references.length == 0);
            exchange.getMessage().setBody(Map.of("caseNumbers", List.of(references)));
            return null;
        }).when(statusPoller).nextBatch(any());
    }

    @Test
    void theNextBatchIsAskedAboutInOneQueryOfTheDepartmentsOwn() {
        nextBatchIs("REV/2026/SGM-2026-0000001", "REV/2026/SGM-2026-0000002");

        producer.sendBody(TICK, null);

        assertThat(queries).singleElement().satisfies(query -> assertThat(query)
                .startsWith("revenue: ")
                .contains("<rev:GetApplicationStatusRequest>")
                .contains("<rev:caseNumber>REV/2026/SGM-2026-0000001</rev:caseNumber>")
                .contains("<rev:caseNumber>REV/2026/SGM-2026-0000002</rev:caseNumber>"));
    }

    @Test
    void withNothingOpenTheDepartmentIsNotAsked() {
        nextBatchIs();

        producer.sendBody(TICK, null);

        verify(statusPoller, times(1)).nextBatch(any());
        verify(statusPoller, never()).query(any());
    }
}
