package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class CanonicalPathFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/services/                      | ends with '/'
            /api/v1//services                      | empty segment
            /api/v1/services;jsessionid=1          | ';' parameters
            /api/v1;v=2/services                   | ';' parameters
            /api/v1/%2Fservices                    | percent-encoded
            /api/v1/%73ervices                     | percent-encoded
            /api/v1/./services                     | '.' segment
            /api/v1/x/../services                  | '..' segment
            /api/v1\\services                      | backslash
            """)
    void aPathWrittenAnyOtherWayIsNamedForWhatIsWrongWithIt(String path, String flaw) {
        assertThat(CanonicalPathFilter.flaw(path)).contains(flaw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/services", "/api/v1/applications/SGM-2026-0000001", "/",
        "/api/v1/departments/health/status-updates", "/api/v1/services/a.b"})
    void aCanonicalPathHasNoFlaw(String path) {
        assertThat(CanonicalPathFilter.flaw(path)).isNull();
    }
}
