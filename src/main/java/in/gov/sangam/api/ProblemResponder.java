package in.gov.sangam.api;

import in.gov.sangam.applications.Refused;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Called by the {@code portal-problems} route configuration to answer a failed request with a problem document. */
@Component("problemResponder")
public class ProblemResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    private final Problems problems;

    public ProblemResponder(Problems problems) {
        this.problems = problems;
    }

    public void expected(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ProblemException problem = caught instanceof Refused refused ? ProblemException.of(refused)
                : (ProblemException) caught;
        answer(exchange, problem.type(), problem.getMessage(), problem);
    }

    public void unexpected(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Request {} {} failed", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                exchange.getMessage().getHeader(Exchange.HTTP_URI), cause);
        answer(exchange, ProblemType.INTERNAL_ERROR,
                "The hub could not complete the request. It has been logged; retrying is safe.", null);
    }

    private void answer(Exchange exchange, ProblemType type, String detail, ProblemException problem) {
        Message message = exchange.getMessage();
        String instance = message.getHeader(Exchange.HTTP_URI, String.class);
        if (instance != null && instance.indexOf('?') >= 0) {
            instance = instance.substring(0, instance.indexOf('?'));
        }
        ResponseHeaders.answerProblem(exchange);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, type.status().value());
        message.setBody(problems.json(type, detail, problem == null ? null : problem.errors(), instance));
    }
}
