package in.gov.sangam.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.model.ConnectorState;
import in.gov.sangam.api.model.Department;
import in.gov.sangam.api.model.DepartmentList;
import in.gov.sangam.api.model.Service;
import in.gov.sangam.api.model.ServicePage;
import in.gov.sangam.api.model.ServiceSummary;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.dispatch.ConnectorCondition;
import in.gov.sangam.dispatch.ConnectorStates;
import in.gov.sangam.time.HubTimeZone;
import java.net.URI;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** What the portal's catalogue routes call. Speaks the contract's models. */
@Component("catalogueApi")
public class CatalogueApi {

    private static final int DEFAULT_PAGE_SIZE = 20;

    private final Catalogue catalogue;
    private final ObjectMapper objectMapper;
    private final ConnectorStates connectorStates;
    private final HubTimeZone timeZone;

    public CatalogueApi(Catalogue catalogue, ObjectMapper objectMapper, ConnectorStates connectorStates,
            HubTimeZone timeZone) {
        this.catalogue = catalogue;
        this.objectMapper = objectMapper;
        this.connectorStates = connectorStates;
        this.timeZone = timeZone;
    }

    public DepartmentList departments() {
        return new DepartmentList().items(catalogue.departments().stream()
                .map(d -> new Department().code(d.code()).name(d.name()).serviceCount(d.services().size())
                        .connector(model(connectorStates.of(d.code()))))
                .toList());
    }

    private ConnectorState model(ConnectorCondition condition) {
        ConnectorState state = new ConnectorState()
                .protocol(ConnectorState.ProtocolEnum.fromValue(condition.protocol()))
                .state(ConnectorState.StateEnum.fromValue(condition.state().name()))
                .circuit(ConnectorState.CircuitEnum.fromValue(condition.circuit().name()))
                .lastSuccessAt(condition.lastSuccessAt() == null ? null : timeZone.local(condition.lastSuccessAt()))
                .lastFailure(condition.lastFailure());
        if (condition.simulator() != null) {
            state.simulator(URI.create(condition.simulator().replace("127.0.0.1", "localhost")));
        }
        return state;
    }

    public ServicePage services(@Header("department") String department, @Header("q") String query,
            @Header("page") Integer page, @Header("size") Integer size) {
        int pageNumber = page == null ? 1 : page;
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
        Catalogue.ServicePage found = catalogue.search(department, query, pageNumber, pageSize);
        return new ServicePage()
                .items(found.items().stream().map(CatalogueApi::summary).toList())
                .total(found.total())
                .page(found.page())
                .size(found.size());
    }

    public Service service(@Header("serviceCode") String code) {
        CatalogueService s = catalogue.service(code).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "There is no service with the code '" + code + "'."));
        return new Service()
                .code(s.code())
                .name(s.name())
                .department(s.department())
                .description(s.description())
                .timelineDays(s.timelineDays())
                .timelineBasis(in.gov.sangam.api.model.TimelineBasis.fromValue(s.timelineBasis().name()))
                .feedbackEnabled(s.feedbackEnabled())
                .autoAppealEnabled(s.autoAppealEnabled())
                .designatedOfficer(s.designatedOfficer())
                .firstAppellateAuthority(s.firstAppellateAuthority())
                .secondAppellateAuthority(s.secondAppellateAuthority())
                .formSchema(objectMapper.convertValue(s.formSchema(), new TypeReference<Map<String, Object>>() { }));
    }

    private static ServiceSummary summary(CatalogueService s) {
        return new ServiceSummary()
                .code(s.code())
                .name(s.name())
                .department(s.department())
                .timelineDays(s.timelineDays())
                .timelineBasis(in.gov.sangam.api.model.TimelineBasis.fromValue(s.timelineBasis().name()));
    }
}
