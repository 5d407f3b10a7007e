package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One line of a department's result file split into its fields, as RFC 4180 writes them. */
class CsvRowsTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("SGM-2026-0000001,,PROCESSING,With the examinations wing,",
                        List.of("SGM-2026-0000001", "", "PROCESSING", "With the examinations wing", "")),
                Arguments.of("a", List.of("a")),
                Arguments.of("", List.of("")),
                Arguments.of(",", List.of("", "")),
                Arguments.of(",,,,", List.of("", "", "", "", "")),
                // Quoted fields may hold commas and doubled quotes; the quotes are not part of the value.
                Arguments.of("\"Bhat, Aisha\",9876543210", List.of("Bhat, Aisha", "9876543210")),
                Arguments.of("\"She said \"\"no\"\"\",x", List.of("She said \"no\"", "x")),
                Arguments.of("\"\"", List.of("")),
                Arguments.of("\"\"\"\"", List.of("\"")),
                Arguments.of("\"a,b\",\"c\"\"d\",\"\"", List.of("a,b", "c\"d", "")),
                // A form column: JSON written as one quoted field.
                Arguments.of("SGM-2026-0000002,\"{\"\"fatherName\"\":\"\"G, N\"\"}\"",
                        List.of("SGM-2026-0000002", "{\"fatherName\":\"G, N\"}")),
                // Spaces are data: nothing is trimmed.
                Arguments.of(" a , b ", List.of(" a ", " b ")),
                // A quote opened in the middle of a field quotes what follows, as lenient readers do.
                Arguments.of("ab\"c,d\"e,f", List.of("abc,de", "f")),
                // Non-ASCII text, as the department writes it.
                Arguments.of("SGM-2026-0000003,,COMPLETED,प्रमाणपत्र जारी,",
                        List.of("SGM-2026-0000003", "", "COMPLETED", "प्रमाणपत्र जारी", "")));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("lines")
    void aLineIsSplitIntoItsFields(String line, List<String> fields) {
        assertThat(CsvRows.fields(line)).containsExactlyElementsOf(fields);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"\"unclosed", "a,\"b", "\"a\"\"", "x,\"y,z"})
    void aQuotedFieldThatIsNeverClosedIsRefused(String line) {
        assertThatThrownBy(() -> CsvRows.fields(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a quoted field is not closed");
    }
}
