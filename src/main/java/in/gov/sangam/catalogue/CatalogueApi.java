package in.gov.sangam.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.ProblemException;
import in.gov.sangam.api.ProblemType;
import in.gov.sangam.api.model.Department;
import in.gov.sangam.api.model.DepartmentList;
import in.gov.sangam.api.model.Service;
import in.gov.sangam.api.model.ServicePage;
import in.gov.sangam.api.model.ServiceSummary;
import in.gov.sangam.dispatch.ConnectorStates;
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

    public CatalogueApi(Catalogue catalogue, ObjectMapper objectMapper, ConnectorStates connectorStates) {
        this.catalogue = catalogue;
        this.objectMapper = objectMapper;
        this.connectorStates = connectorStates;
    }

    public DepartmentList departments() {
        return new DepartmentList().items(catalogue.departments().stream()
                .map(d -> new Department().code(d.code()).name(d.name()).serviceCount(d.services().size())
                        .connector(connectorStates.of(d.code())))
                .toList());
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
