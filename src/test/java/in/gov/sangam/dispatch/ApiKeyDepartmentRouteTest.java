package in.gov.sangam.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.support.RouteSlice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.springboot.HttpComponentAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A department that takes an API key in a header of its own ({@code authentication.kind: apiKey}), made by the real
 * {@link Connectors} from its connector.yaml ({@code src/test/resources/api-key-department/parks}): the key goes with
 * every call, by reference from the environment, and a call without it is refused by the department's system.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/connector-http.yaml",
    "sangam.connectors.answer-recording.retries=0", "sangam.connectors.answer-recording.delay-ms=10",
    "sangam.connectors.answer-recording.max-delay-ms=10",
    RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
@ImportAutoConfiguration(HttpComponentAutoConfiguration.class)
class ApiKeyDepartmentRouteTest {

    private static final String QUEUE = "jms:queue:sangam.dispatch.parks";
    private static final String BOOKINGS = "/bookings";

    static final WireMockServer PARKS = new WireMockServer(options().dynamicPort());

    static {
        PARKS.start();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "dispatcher")
    Dispatcher dispatcher;
    @MockitoBean(name = "statusPolls")
    StatusPolls statusPolls;
    @MockitoBean(name = "connectorHealth")
    ConnectorHealth health;

    final List<String> accepted = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stop() {
        PARKS.stop();
    }

    @BeforeEach
    void department() throws Exception {
        if (!camel.isStarted()) {
            DepartmentFolderRoutes.add(camel, "api-key-department", "parks", new MockEnvironment()
                    .withProperty("PARKS_URL", "http://localhost:" + PARKS.port())
                    .withProperty("PARKS_API_KEY", "k-1&2"));
            camel.start();
        }
        PARKS.resetAll();
        // Without the key the system answers 401 (a failure tried again, never a booking).
        PARKS.stubFor(post(urlPathEqualTo(BOOKINGS)).atPriority(10).willReturn(aResponse().withStatus(401)));
        DepartmentFolderRoutes.answerAsTheDispatcher(dispatcher, accepted);
    }

    @Test
    void everyCallCarriesTheDepartmentsKeyInItsOwnHeader() {
        PARKS.stubFor(post(urlPathEqualTo(BOOKINGS)).atPriority(1).withHeader("X-Parks-Key", equalTo("k-1&2"))
                .willReturn(okJson("{\"bookingId\":\"P/7\"}").withStatus(201)));

        producer.sendBody(QUEUE, "{\"applicationId\":\"SGM-2026-0000042\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() == 1);
        assertThat(accepted).containsExactly("P/7");
        assertThat(PARKS.findAll(postRequestedFor(urlPathEqualTo(BOOKINGS)))).singleElement()
                .satisfies(call -> assertThat(call.getHeader("X-Parks-Key")).isEqualTo("k-1&2"));
    }
}
