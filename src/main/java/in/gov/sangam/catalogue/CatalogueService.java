package in.gov.sangam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/**
 * One notified service as its department's {@code services.yaml} declares it.
 *
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
        String designatedOfficer,
        String firstAppellateAuthority,
        String secondAppellateAuthority,
        JsonNode formSchema,
        JsonSchema compiledFormSchema) {
}
