package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {

    @Test
    void tokensAreSixteenLettersOrDigitsAndDoNotRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = SurveyTokens.next();
            assertThat(token).matches("[A-Za-z0-9]{16}");
            assertThat(SurveyTokens.isWellFormed(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(10_000);
    }

    @Test
    void anythingElseIsNotAToken() {
        assertThat(SurveyTokens.isWellFormed(null)).isFalse();
        assertThat(SurveyTokens.isWellFormed("short")).isFalse();
        assertThat(SurveyTokens.isWellFormed("ABCDEFGHIJKLMNO/")).isFalse();
        assertThat(SurveyTokens.isWellFormed("ABCDEFGHIJKLMNOPQ")).isFalse();
    }
}
