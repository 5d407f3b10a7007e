package in.gov.sangam.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Year;
import org.springframework.core.io.Resource;

/**
 * How a simulated batch job answers each row of a request file, from {@code simulator/batch-job.yaml} in the
 * department's folder: the department's reference (with {@code {year}} and {@code {hubReference}} filled in), its
 * status code and remark.
 */
record BatchJobRules(String reference, String status, String remark) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static BatchJobRules read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            JsonNode answer = YAML.readTree(in).path("answer");
            return new BatchJobRules(answer.path("reference").asText(), answer.path("status").asText(),
                    answer.path("remark").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException("The batch job simulator needs " + file.getDescription(), e);
        }
    }

    String referenceFor(String hubReference) {
        return reference.replace("{year}", Year.now().toString()).replace("{hubReference}", hubReference);
    }
}
