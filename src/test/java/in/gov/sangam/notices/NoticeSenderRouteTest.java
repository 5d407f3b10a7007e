package in.gov.sangam.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import in.gov.sangam.support.RouteSlice;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * How the notice sender ({@code routes/notices.yaml}) takes an SMTP server's answers, on its own: the notices queue on
 * a real embedded broker, the notice beans mocks, and the SMTP server a port where nothing listens (a real connection
 * refused) or, for the server's refusals, the smtp endpoint advised to answer as Angus Mail reports them.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = RouteSlice.class, properties = {
    "camel.main.routes-include-pattern=classpath:routes/notices.yaml",
    "sangam.notices.retries=2", "sangam.notices.retry-delay-ms=10", "sangam.notices.mail.timeout-ms=2000",
    "sangam.notices.mail.from=sangam-notices@localhost", "spring.mail.host=127.0.0.1", "spring.mail.username=",
    "spring.mail.password=", RouteSlice.EMBEDDED_BROKER, RouteSlice.BROKER_IN_MEMORY})
class NoticeSenderRouteTest {

    private static final String QUEUE = "jms:queue:sangam.notices";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @MockitoBean(name = "noticeSending")
    NoticeSending sending;

    /** What the SMTP server says to each try: nothing (the real, closed port) or the refusal set here. */
    static final AtomicReference<Exception> smtpAnswer = new AtomicReference<>();
    static final List<String> tries = new CopyOnWriteArrayList<>();
    /** Each try's exchange: one per delivery from the broker, tried in place as often as the route says. */
    static final List<String> triedExchanges = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void closedPort(DynamicPropertyRegistry registry) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            int closed = socket.getLocalPort();
            registry.add("spring.mail.port", () -> closed);
        }
    }

    @BeforeEach
    void sender() throws Exception {
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            exchange.setProperty(NoticeSending.NOTICE_ID, 1L);
            exchange.setProperty(NoticeSending.CHANNEL, "EMAIL");
            exchange.getMessage().setHeader("To", "faa@appeals.example.gov.in");
            exchange.getMessage().setHeader("Subject", "Appeal");
            return null;
        }).when(sending).prepare(any());
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "notices-sender", route -> route.weaveByToUri("smtp:*").before()
                    .process(exchange -> {
                        tries.add(exchange.getMessage().getBody(String.class));
                        triedExchanges.add(exchange.getMessage().getBody(String.class) + " "
                                + exchange.getExchangeId());
                        Exception answer = smtpAnswer.get();
                        if (answer != null) {
                            throw answer;
                        }
                    }));
            camel.start();
        }
        smtpAnswer.set(null);
    }

    @Test
    void anSmtpServerThatCannotBeReachedIsTriedAgainByTheBroker() {
        producer.sendBody(QUEUE, "unreachable");

        // Noted on the notice, then the message goes back to the broker, which delivers it again. (Its tries in place
        // retry the smtp endpoint alone, unseen here: anAddressRefusedForNowIsTriedAgain counts them.)
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf("unreachable") > 1);
        verify(sending, atLeastOnce()).failedTry(withBody("unreachable"));
        verify(sending, never()).refused(withBody("unreachable"));
        verify(sending, never()).sent(withBody("unreachable"));
        // The slice's broker (Artemis's defaults) gives up after 10 deliveries: waited for, so that no try of this
        // message runs into the next test.
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf("unreachable") == 10);
    }

    @Test
    void anAddressTheServerRefusesForGoodIsRefusedOnce() throws Exception {
        smtpAnswer.set(refusal(550, "5.1.1 No such user"));

        producer.sendBody(QUEUE, "no such mailbox");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> verify(sending).refused(withBody("no such mailbox")));
        assertThat(triesOf("no such mailbox")).isEqualTo(1);
        verify(sending, never()).failedTry(withBody("no such mailbox"));
        verify(sending, never()).sent(withBody("no such mailbox"));
    }

    @Test
    void anAddressRefusedForNowIsTriedAgain() throws Exception {
        smtpAnswer.set(refusal(450, "4.2.1 Greylisted, try again later"));

        producer.sendBody(QUEUE, "greylisted");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> verify(sending, atLeastOnce())
                .failedTry(withBody("greylisted")));
        // Each delivery tried three times in place (sangam.notices.retries), then delivered again by the broker.
        await().atMost(Duration.ofSeconds(20)).until(() -> triesOf("greylisted") > 3);
        String firstDelivery = triedExchanges.stream().filter(tried -> tried.startsWith("greylisted ")).findFirst()
                .orElseThrow();
        assertThat(triedExchanges.stream().filter(firstDelivery::equals)).hasSize(3);
        verify(sending, never()).refused(withBody("greylisted"));
    }

    /** How often the SMTP endpoint was tried with this message (a test's broker redeliveries may outlast it). */
    private static long triesOf(String body) {
        return tries.stream().filter(body::equals).count();
    }

    /** For the real, closed port: how often the message came to the smtp endpoint from the broker. */
    private static long deliveriesOf(String body) {
        return triesOf(body);
    }

    private static Exchange withBody(String body) {
        return argThat(exchange -> exchange != null && body.equals(exchange.getMessage().getBody(String.class)));
    }

    /** As Angus Mail's SMTP transport reports a recipient the server refused at RCPT TO. */
    private static SendFailedException refusal(int code, String answer) throws Exception {
        InternetAddress address = new InternetAddress("faa@appeals.example.gov.in");
        return new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(address, "RCPT TO", code, code + " " + answer),
                new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {address});
    }
}
