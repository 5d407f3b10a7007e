package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract passes Spectral's {@code spectral:oas} ruleset with no errors. Spectral comes from npm: {@code .ci/run}
 * installs it and points {@code SPECTRAL} at it, so in CI this test always runs; on a machine with only a JDK and
 * Maven it is skipped, saying why.
 */
class ContractLintTest {

    @Test
    void theContractPassesSpectralsOasRuleset() throws IOException, InterruptedException {
        String spectral = System.getenv("SPECTRAL");
        boolean inCi = "true".equalsIgnoreCase(System.getenv("CI"));
        if (inCi) {
            assertThat(spectral).as("CI must install Spectral and set SPECTRAL (see .ci/run)").isNotBlank();
        }
        assumeTrue(spectral != null && Files.isExecutable(Path.of(spectral)),
                "Spectral is not installed here; set SPECTRAL to its executable to lint the contract");

        Process lint = new ProcessBuilder(spectral, "lint", "openapi/portal-api.yaml", "--ruleset", ".spectral.yaml",
                "--fail-severity", "error")
                .redirectErrorStream(true)
                .start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(lint.exitValue()).as(report).isZero();
        assertThat(report).contains("No results with a severity of 'error'");
    }
}
