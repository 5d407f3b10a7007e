package in.gov.sangam.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlLinesTest {

    private static final YamlLines LINES = YamlLines.of("""
            protocol: rest
            submit:
              path: /a
              template: request.ftl
            services:
              - code: first
              - code: second
                name: Second
            """);

    @ParameterizedTest(name = "{0} is at line {1}")
    @CsvSource({
        "protocol, 1",
        "submit, 2",
        "submit.template, 4",
        "services[1].name, 8",
        "services[0], 6",
        // Missing: the nearest enclosing field that is written.
        "submit.method, 2",
        "services[5].code, 5",
        "timeouts.connect, 1",
        "'', 1"
    })
    void aFieldIsFoundAtItsLine(String field, int line) {
        assertThat(LINES.lineOf(field)).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource({"'protocol: [unclosed', protocol"})
    void textThatIsNotYamlPutsEveryFieldAtTheFirstLine(String text, String field) {
        assertThat(YamlLines.of(text).lineOf(field)).isEqualTo(1);
    }
}
