package in.gov.sangam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import in.gov.sangam.api.model.FeedbackSummary;
import org.springframework.boot.jackson.JsonMixin;

/**
 * The hub leaves absent fields out of its JSON (spring.jackson.default-property-inclusion), but the summary's
 * {@code responseRate} and {@code approval} are required and null when their divisor is 0: they are written always.
 */
@JsonMixin(FeedbackSummary.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
abstract class FeedbackSummaryJson {
}
