package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/**
 * One notified service as its department's {@code services.yaml} declares it.
 *
 * @param feedbackEnabled whether the citizen is asked by SMS to rate the service once it is decided
 * @param autoAppealEnabled whether a missed time limit, or a rejection without a reason, is appealed by itself
 * @param formSchema the JSON Schema of the application form, as written in the catalogue
 * @param compiledFormSchema the same schema compiled once, used to validate every submission
 */
public record CatalogueService(
        String code,
        String name,
        String department,
        String description,
        int timelineDays,
        TimelineBasis timelineBasis,
        boolean feedbackEnabled,
        boolean autoAppealEnabled,
        String designatedOfficer,
        String firstAppellateAuthority,
        String secondAppellateAuthority,
        JsonNode formSchema,
        JsonSchema compiledFormSchema) {
}
