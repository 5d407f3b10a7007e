package in.gov.sangam.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * {@code openapi/portal-api.yaml}, read once at start-up, references resolved, for the parts of the edge that are
 * built from it (access rules, which parameters a header may not pose as). Camel's REST DSL reads it on its own.
 */
@Component
public class PortalContract {

    public static final String LOCATION = "openapi/portal-api.yaml";

    private final OpenAPI openApi;

    public PortalContract() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            this.openApi = new OpenAPIV3Parser()
                    .readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options)
                    .getOpenAPI();
        } catch (IOException e) {
            throw new UncheckedIOException(LOCATION + " could not be read", e);
        }
        if (openApi == null || openApi.getPaths() == null) {
            throw new IllegalStateException(LOCATION + " could not be read as an OpenAPI contract");
        }
    }

    public OpenAPI openApi() {
        return openApi;
    }
}
