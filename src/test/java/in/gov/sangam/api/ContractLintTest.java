package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract passes the rulesets of {@code .spectral.yaml} with no errors: Spectral's {@code spectral:oas} and the
 * OWASP API Security ruleset. Both come from npm: {@code .ci/run} installs them into {@code .ci/tools} and points
 * {@code SPECTRAL} at Spectral, so in CI this test always runs; on a machine with only a JDK and Maven it is
 * skipped, saying why.
 */
class ContractLintTest {

    private static final String RULESET = ".spectral.yaml";
    /** Where {@code .spectral.yaml} finds the OWASP ruleset: {@code .ci/run} installs it there. */
    private static final Path OWASP_RULESET =
            Path.of(".ci/tools/node_modules/@stoplight/spectral-owasp-ruleset/dist/ruleset.js");

    private String spectral;

    @BeforeEach
    void findSpectral() {
        spectral = System.getenv("SPECTRAL");
        boolean inCi = "true".equalsIgnoreCase(System.getenv("CI"));
        if (inCi) {
            assertThat(spectral).as("CI must install Spectral and set SPECTRAL (see .ci/run)").isNotBlank();
        }
        assumeTrue(spectral != null && Files.isExecutable(Path.of(spectral)),
                "Spectral is not installed here; set SPECTRAL to its executable to lint the contract");
        assertThat(OWASP_RULESET).as("The OWASP ruleset .spectral.yaml extends is not installed: run .ci/run, or "
                + "npm install --prefix .ci/tools with the versions .ci/run pins").isRegularFile();
    }

    @Test
    void theContractPassesTheOasAndOwaspRulesets() throws IOException, InterruptedException {
        Lint lint = lint("openapi/portal-api.yaml");

        assertThat(lint.exitValue()).as(lint.report()).isZero();
        assertThat(lint.report()).contains("No results with a severity of 'error'");
    }

    /** Guards the guard: were the OWASP ruleset dropped from .spectral.yaml, an unbounded string would pass. */
    @Test
    void theOwaspRulesetIsInForce() throws IOException, InterruptedException {
        Path unbounded = Files.createDirectories(Path.of("target/contract-lint")).resolve("unbounded.yaml");
        Files.writeString(unbounded, """
                openapi: 3.0.3
                info: {title: Unbounded, version: 1.0.0, description: An unbounded string.}
                paths: {}
                components:
                  schemas:
                    Name: {type: string, description: No maxLength.}
                """, StandardCharsets.UTF_8);

        Lint lint = lint(unbounded.toString());

        assertThat(lint.exitValue()).as(lint.report()).isNotZero();
        assertThat(lint.report()).contains("owasp:api4:2023-string-limit");
    }

    private record Lint(int exitValue, String report) {
    }

    private Lint lint(String document) throws IOException, InterruptedException {
        Process lint = new ProcessBuilder(spectral, "lint", document, "--ruleset", RULESET, "--fail-severity", "error")
                .redirectErrorStream(true)
                .start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Lint(lint.exitValue(), report);
    }
}
