package in.gov.sangam.dispatch;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.messaging.Addresses;
import in.gov.sangam.messaging.QueueNames;
import java.util.List;
import org.springframework.stereotype.Component;

/** One dispatch queue per department of the catalogue, declared on the embedded broker. */
@Component
class DispatchQueueNames implements QueueNames {

    private final Catalogue catalogue;

    DispatchQueueNames(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<String> anycastQueues() {
        return catalogue.departments().stream().map(CatalogueDepartment::code).map(Addresses::dispatch).toList();
    }
}
