package in.gov.sangam.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Calls a department's system over HTTP (REST/JSON or SOAP 1.1) through its retry and circuit breaker, and sorts
 * what goes wrong: a refusal (400, 409, 422 and the like; a soap:Client fault) is final, everything else (no
 * connection, a time-out, 5xx, 401/403/404/429, a soap:Server fault) is worth trying again. Every answer and failure is noted for the connector's state.
 */
@Component
public class DepartmentClient {

    /** The answers that mean "the department looked at this request and refuses it": never retried. */
    private static final Set<Integer> REFUSALS = Set.of(400, 409, 410, 412, 413, 415, 422);

    private final Connectors connectors;
    private final DepartmentResilience resilience;
    private final ConnectorHealth health;
    private final ProducerTemplate producer;

    public DepartmentClient(Connectors connectors, DepartmentResilience resilience, ConnectorHealth health,
            ProducerTemplate producer) {
        this.connectors = connectors;
        this.resilience = resilience;
        this.health = health;
        this.producer = producer;
    }

    /**
     * @param soapAction the operation, for a SOAP system; null for REST
     * @return the answer's body
     * @throws DepartmentRefusedException when the department refused the request
     */
    public String call(ConnectorSettings settings, String path, String soapAction, String body) {
        String answer = resilience.call(settings.department(), () -> callOnce(settings, path, soapAction, body));
        health.succeeded(settings.department());
        return answer;
    }

    private String callOnce(ConnectorSettings settings, String path, String soapAction, String body) {
        String uri = settings.endpoint() + path + "?httpMethod=POST&throwExceptionOnFailure=false"
                + "&connectTimeout=" + settings.connectTimeout().toMillis()
                + "&responseTimeout=" + settings.responseTimeout().toMillis();
        Exchange answer = producer.send(uri, call -> {
            call.getMessage().setBody(body);
            if (settings.isSoap()) {
                call.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/xml; charset=UTF-8");
                call.getMessage().setHeader("SOAPAction", "\"" + soapAction + "\"");
            } else {
                call.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            }
            if (settings.username() != null) {
                call.getMessage().setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
            }
        });
        if (answer.getException() != null) {
            throw unavailable(settings, "could not be reached", settings.department() + " could not be reached: "
                    + answer.getException().getMessage(), answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = answer.getMessage().getBody(String.class);
        // A SOAP fault is a fault whatever HTTP status it came with (some services answer faults with 200).
        Answers.SoapFault fault = settings.isSoap() ? Answers.soapFault(text).orElse(null) : null;
        if (fault != null && fault.isClientFault()) {
            health.succeeded(settings.department());
            throw new DepartmentRefusedException(fault.message() + " (SOAP fault " + fault.code() + ")");
        }
        if (fault != null) {
            throw unavailable(settings, "SOAP fault " + fault.code(), settings.department() + " failed: "
                    + fault.message() + " (SOAP fault " + fault.code() + ")", null);
        }
        if (REFUSALS.contains(status)) {
            health.succeeded(settings.department());
            throw new DepartmentRefusedException(reason(settings, text, status));
        }
        if (status < 200 || status >= 300) {
            // 5xx, and the 4xx that are not about the request itself (401/403: our credentials; 404: the
            // endpoint; 408/429: its load): worth trying again, and worth an operator's look at the state.
            throw unavailable(settings, "answered " + status, settings.department() + " answered " + status, null);
        }
        return text;
    }

    /**
     * @param publicReason a short reason, safe to show in the public departments list (no hosts, no messages)
     */
    private DepartmentUnavailableException unavailable(ConnectorSettings settings, String publicReason,
            String message, Throwable cause) {
        DepartmentUnavailableException failure = new DepartmentUnavailableException(message, cause);
        health.failed(settings.department(), publicReason);
        return failure;
    }

    private static String reason(ConnectorSettings settings, String body, int status) {
        String reason = settings.rejectionPointer() == null || body == null ? null
                : Answers.json(body, settings.rejectionPointer());
        return reason == null ? "HTTP " + status : reason + " (HTTP " + status + ")";
    }
}
