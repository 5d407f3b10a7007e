package in.gov.sangam.dispatch;

import in.gov.sangam.applications.ApplicationStore;
import in.gov.sangam.logs.ApplicationLog;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a batch-file connector route calls to hand an application over: its request file, named after the
 * application so that sending it again (a redelivered message) replaces the same file rather than adding a second,
 * is put into the department's SFTP inbox through the department's retry and circuit breaker. The application stays
 * SUBMITTED until the department's result file says it took it; it is noted as handed over meanwhile, so that the
 * reconciler does not take it for an application with nothing in flight.
 */
@Component("batchFiles")
public class BatchFiles {

    private static final Logger LOG = LoggerFactory.getLogger(BatchFiles.class);

    private final Connectors connectors;
    private final DepartmentCircuitBreakers circuitBreakers;
    private final ConnectorHealth health;
    private final ProducerTemplate producer;
    private final ApplicationStore store;
    private final Clock clock;

    public BatchFiles(Connectors connectors, DepartmentCircuitBreakers circuitBreakers, ConnectorHealth health,
            ProducerTemplate producer, ApplicationStore store, Clock clock) {
        this.connectors = connectors;
        this.circuitBreakers = circuitBreakers;
        this.health = health;
        this.producer = producer;
        this.store = store;
        this.clock = clock;
    }

    public void upload(Exchange exchange) {
        ConnectorSettings settings = connectors.settings(exchange.getProperty("SangamDepartment", String.class));
        String applicationId = exchange.getProperty("SangamApplicationId", String.class);
        String file = exchange.getMessage().getBody(String.class);
        // One endpoint per inbox, the file's name in a header: Camel keeps one producer, and so one SFTP session,
        // per endpoint. A name in the URI would make an endpoint per application, each holding a session of its own
        // open to the department's server (hundreds of them, where a server allows a few).
        String uri = connectors.sftpUri(settings, settings.batchInbox()) + "&tempPrefix=.uploading-";
        circuitBreakers.circuitBreaker(settings.department()).executeSupplier(() -> {
            Exchange sent = producer.send(uri, upload -> {
                upload.getMessage().setHeader(Exchange.FILE_NAME, applicationId + ".csv");
                upload.getMessage().setBody(file);
            });
            if (sent.getException() != null) {
                DepartmentUnavailableException failure = new DepartmentUnavailableException(settings.department()
                        + " SFTP inbox could not be written: " + sent.getException().getMessage(), sent.getException());
                health.failed(settings.department(), "SFTP inbox could not be written");
                throw failure;
            }
            return sent;
        });
        health.succeeded(settings.department());
        store.markHandedOver(applicationId, clock.instant());
        ApplicationLog.info(LOG, applicationId, "Request file written to the {} inbox", settings.department());
    }
}
