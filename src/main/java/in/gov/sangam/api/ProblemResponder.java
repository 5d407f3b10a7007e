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

    /** How long a caller should wait before trying again while the database is unavailable. */
    private static final String RETRY_AFTER_SECONDS = "5";

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
        Message message = exchange.getMessage();
        if (DatabaseUnavailable.caused(cause)) {
            // An outage, not a bug: one line, not a stack trace per request while it lasts.
            LOG.warn("Request {} {} not served, the database is unavailable: {}",
                    message.getHeader(Exchange.HTTP_METHOD), message.getHeader(Exchange.HTTP_URI), rootCause(cause));
            answer(exchange, ProblemType.SERVICE_UNAVAILABLE, "The hub cannot reach its database just now. Try again "
                    + "shortly; that is safe (a submission sent again with the same Idempotency-Key gets the "
                    + "application if it was stored after all).", null);
            message.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            return;
        }
        LOG.error("Request {} {} failed", message.getHeader(Exchange.HTTP_METHOD), message.getHeader(Exchange.HTTP_URI),
                cause);
        answer(exchange, ProblemType.INTERNAL_ERROR,
                "The hub could not complete the request. It has been logged; retrying is safe.", null);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
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
