package in.gov.sangam.api;

import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Camel answers an HTTP request with the headers its message holds, and those start as the request's own headers.
 * Before answering, everything but the headers the contract declares is dropped, so that no request header (the
 * caller's token above all) is ever echoed back.
 */
@Component("responseHeaders")
public class ResponseHeaders {

    private static final Set<String> ANSWERED = caseInsensitive("Content-Type", "Location", "Idempotent-Replayed");

    public void retainDeclared(Exchange exchange) {
        retainDeclaredOn(exchange.getMessage());
    }

    static void retainDeclaredOn(Message message) {
        message.getHeaders().keySet().removeIf(name -> !ANSWERED.contains(name) && !name.startsWith("Camel"));
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
