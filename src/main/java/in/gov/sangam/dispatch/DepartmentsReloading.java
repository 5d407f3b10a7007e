package in.gov.sangam.dispatch;

import in.gov.sangam.catalogue.CatalogueDepartment;
import java.util.List;
import java.util.Map;

/**
 * Whatever else takes part when the department folders are reloaded, beside the connectors: told of the folders read
 * again before their connector settings are resolved (so that it can supply what those settings name), and of the
 * settings once resolved, before any connector changes. The demo uses it to simulate a department added as a folder
 * without a restart, as it simulates those it finds at start-up. Both are told before the reload is sure to be
 * carried out: what a participant does must be harmless if it is not (the demo's simulator of a folder that is then
 * refused keeps listening, unused).
 */
public interface DepartmentsReloading {

    /** The folders as read again and checked; their settings are resolved from the environment next. */
    default void resolving(List<CatalogueDepartment> departments) {
    }

    /** Every department's settings, resolved; its connector is started, replaced or left as it is next. */
    default void resolved(Map<String, ConnectorSettings> settings) {
    }
}
