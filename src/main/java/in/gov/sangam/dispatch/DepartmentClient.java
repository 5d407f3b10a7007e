package in.gov.sangam.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Calls a department's system over HTTP (REST/JSON or SOAP 1.1) through its retry and circuit breaker, and sorts
 * what goes wrong: a refusal (4xx, soap:Client fault) is final, everything else (no connection, time-out, 5xx,
 * soap:Server fault) is worth trying again. Every answer and failure is noted for the connector's state.
 */
@Component
public class DepartmentClient {

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
        String uri = connectors.endpoint(settings) + path + "?httpMethod=POST&throwExceptionOnFailure=false"
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
            throw unavailable(settings, settings.department() + " could not be reached: "
                    + answer.getException().getMessage(), answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = answer.getMessage().getBody(String.class);
        if (settings.isSoap() && status >= 400) {
            Answers.SoapFault fault = Answers.soapFault(text).orElse(null);
            if (fault != null && fault.isClientFault()) {
                health.succeeded(settings.department());
                throw new DepartmentRefusedException(fault.message() + " (SOAP fault " + fault.code() + ")");
            }
            throw unavailable(settings, settings.department() + " failed: "
                    + (fault == null ? "HTTP " + status : fault.message() + " (SOAP fault " + fault.code() + ")"), null);
        }
        if (status >= 500 || status == 0) {
            throw unavailable(settings, settings.department() + " answered " + status, null);
        }
        if (status >= 400) {
            health.succeeded(settings.department());
            throw new DepartmentRefusedException(reason(settings, text, status));
        }
        return text;
    }

    private DepartmentUnavailableException unavailable(ConnectorSettings settings, String message, Throwable cause) {
        DepartmentUnavailableException failure = new DepartmentUnavailableException(message, cause);
        health.failed(settings.department(), failure);
        return failure;
    }

    private static String reason(ConnectorSettings settings, String body, int status) {
        String reason = settings.rejectionPointer() == null || body == null ? null
                : Answers.json(body, settings.rejectionPointer());
        return reason == null ? "HTTP " + status : reason + " (HTTP " + status + ")";
    }
}
