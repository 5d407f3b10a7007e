package in.gov.sangam.api;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Camel answers an HTTP request with the headers its message holds, and those start as the request's own headers.
 * So routes never put answer headers on the message: they set them with {@link #answerWith}, and just before the
 * answer leaves, every header the caller sent is dropped and only those are set. No request header (a token, or a
 * forged {@code Location}) can ever be echoed back.
 */
@Component("responseHeaders")
public class ResponseHeaders {

    private static final String PROPERTY_PREFIX = "SangamAnswerHeader.";

    /** Declares a header of the answer. */
    public static void answerWith(Exchange exchange, String name, String value) {
        exchange.setProperty(PROPERTY_PREFIX + name, value);
    }

    /** Drops every header the caller sent and sets the declared answer headers and the content type. */
    public static void answer(Exchange exchange, String contentType) {
        Message message = exchange.getMessage();
        message.getHeaders().keySet().removeIf(name -> !name.startsWith("Camel"));
        for (Map.Entry<String, Object> property : exchange.getProperties().entrySet()) {
            if (property.getKey().startsWith(PROPERTY_PREFIX)) {
                message.setHeader(property.getKey().substring(PROPERTY_PREFIX.length()), property.getValue());
            }
        }
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
    }

    /** Only the content type: for problems, which carry no other header. */
    public static void answerProblem(Exchange exchange) {
        exchange.getProperties().keySet().removeIf(name -> name.startsWith(PROPERTY_PREFIX));
        answer(exchange, Problems.MEDIA_TYPE);
    }

    /** The route step before a successful JSON answer. */
    public void json(Exchange exchange) {
        answer(exchange, "application/json");
    }

    /**
     * What a page for citizens may do (the survey page, feedback/survey-page.ftl): nothing but show itself, with its
     * own inline style, and post its form back here. No script runs, whatever a page might contain; no other site
     * may frame it.
     */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /**
     * The route step before an HTML page. Its link holds the survey's token, the citizen's only key: no Referer
     * carries it on.
     */
    public void page(Exchange exchange) {
        answerWith(exchange, "Content-Security-Policy", PAGE_POLICY);
        answerWith(exchange, "Referrer-Policy", "no-referrer");
        answer(exchange, "text/html; charset=UTF-8");
    }
}
