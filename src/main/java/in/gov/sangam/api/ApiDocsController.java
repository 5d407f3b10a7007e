package in.gov.sangam.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The contract, browsable: {@code /api/docs} shows it in Swagger UI, {@code /api/docs/portal-api.yaml} is the file. */
@RestController
class ApiDocsController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @GetMapping("/api/docs")
    ResponseEntity<Void> docs() {
        return ResponseEntity.status(302).header("Location", "/api/docs/index.html").build();
    }

    @GetMapping("/api/docs/portal-api.yaml")
    ResponseEntity<String> contract() throws IOException {
        try (InputStream in = new ClassPathResource("openapi/portal-api.yaml").getInputStream()) {
            return ResponseEntity.ok().contentType(YAML).body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
