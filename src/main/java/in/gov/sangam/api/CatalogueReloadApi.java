package in.gov.sangam.api;

import in.gov.sangam.api.model.CatalogueReload;
import in.gov.sangam.api.model.DepartmentReload;
import in.gov.sangam.api.model.FieldError;
import in.gov.sangam.audit.AuditAction;
import in.gov.sangam.audit.AuditChannel;
import in.gov.sangam.audit.AuditEvent;
import in.gov.sangam.audit.AuditTrail;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueException;
import in.gov.sangam.catalogue.CatalogueLoader;
import in.gov.sangam.dispatch.ConnectorSettings;
import in.gov.sangam.dispatch.Connectors;
import in.gov.sangam.dispatch.DepartmentsReloading;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/v1/admin/catalogue/reload}: the department folders read and checked again, all of them before
 * anything changes, then put in use on this node: the connectors of the departments that were added, changed or
 * removed, then the catalogue. A folder that is wrong or a setting that cannot be resolved changes nothing; a
 * connector that still cannot be started puts the connectors back with their settings as they were. Either way the
 * catalogue stays as it was and the answer says why.
 */
@Component("catalogueReloadApi")
public class CatalogueReloadApi {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueReloadApi.class);
    /** A problem as the loader words it: "<file>:<line>: <field>: <what is wrong>", or "<file>: <what>". */
    private static final Pattern PROBLEM = Pattern.compile("^(\\S+?:\\d+: [^:]+|\\S+?): (.*)$", Pattern.DOTALL);

    private final Catalogue catalogue;
    private final Connectors connectors;
    private final CamelContext camelContext;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ObjectProvider<DepartmentsReloading> participants;
    private final String location;

    public CatalogueReloadApi(Catalogue catalogue, Connectors connectors, CamelContext camelContext, AuditTrail audit,
            TransactionTemplate transaction, ObjectProvider<DepartmentsReloading> participants,
            @Value("${sangam.catalogue.location}") String location) {
        this.catalogue = catalogue;
        this.connectors = connectors;
        this.camelContext = camelContext;
        this.audit = audit;
        this.transaction = transaction;
        this.participants = participants;
        this.location = location;
    }

    public synchronized CatalogueReload reload(Exchange exchange) throws Exception {
        Caller caller = Caller.of(exchange.getMessage().getHeader(Caller.CLIENT_HEADER),
                exchange.getMessage().getHeader(Caller.SCOPES_HEADER)).requireAdmin();
        List<CatalogueDepartment> departments;
        Map<String, String> changes;
        try {
            List<CatalogueDepartment> read = new CatalogueLoader().load(location);
            participants.orderedStream().forEach(participant -> participant.resolving(read));
            Map<String, ConnectorSettings> settings = connectors.resolve(read);
            participants.orderedStream().forEach(participant -> participant.resolved(settings));
            // Connectors first: a department's applications are taken only once its connector is there to send them.
            changes = connectors.replace(camelContext, settings);
            departments = read;
        } catch (CatalogueException invalid) {
            throw invalid(invalid.problems());
        }
        catalogue.replaceWith(departments);
        String summary = changes.entrySet().stream().filter(change -> !change.getValue().equals("UNCHANGED"))
                .map(change -> change.getKey() + " " + change.getValue().toLowerCase()).toList().toString();
        transaction.executeWithoutResult(status -> audit.append(new AuditEvent(caller.clientId(),
                AuditAction.CATALOGUE_RELOADED, AuditChannel.OPERATOR, null, null, null, null,
                departments.size() + " departments, " + catalogue.size() + " services; " + summary)));
        LOG.info("Catalogue reloaded from {} by {}: {} departments, {} services; {}", location, caller.clientId(),
                departments.size(), catalogue.size(), summary);
        return new CatalogueReload().services(catalogue.size()).departments(changes.entrySet().stream()
                .map(change -> new DepartmentReload().code(change.getKey())
                        .change(DepartmentReload.ChangeEnum.fromValue(change.getValue())))
                .toList());
    }

    private static ProblemException invalid(List<String> problems) {
        List<FieldError> errors = problems.stream().limit(100).map(problem -> {
            Matcher parts = PROBLEM.matcher(problem);
            return parts.matches() ? ProblemException.field(shorten(parts.group(1), 300), shorten(parts.group(2), 1000))
                    : ProblemException.field("catalogue", shorten(problem, 1000));
        }).toList();
        return new ProblemException(ProblemType.CATALOGUE_INVALID, problems.size()
                + (problems.size() == 1 ? " mistake" : " mistakes") + " in the department folders; nothing was changed.",
                errors);
    }

    private static String shorten(String text, int length) {
        String oneLine = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
        return oneLine.length() <= length ? oneLine : oneLine.substring(0, length - 1) + "…";
    }
}
