package in.gov.sangam.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;

/** Checks that a response of the hub is one that {@code openapi/portal-api.yaml} allows for its operation. */
public final class ContractValidator {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl("openapi/portal-api.yaml")
            .build();

    private ContractValidator() {
    }

    public static void assertConforms(String method, String path, HttpResponse<String> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> builder.withHeader(name, values));
        if (response.body() != null && !response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        ValidationReport report = VALIDATOR.validateResponse(pathOnly, Request.Method.valueOf(method), builder.build());
        if (report.hasErrors()) {
            throw new AssertionError("Response to " + method + " " + path + " (" + response.statusCode()
                    + ") breaks the contract:\n" + report.getMessages().stream()
                            .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n")) + "\nBody: " + response.body());
        }
    }
}
