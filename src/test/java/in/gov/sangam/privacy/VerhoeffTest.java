package in.gov.sangam.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerhoeffTest {

    @Test
    void acceptsNumbersEndingInTheirCheckDigit() {
        assertThat(Verhoeff.checkDigit("236")).isEqualTo(3);
        assertThat(Verhoeff.isValid("2363")).isTrue();
        assertThat(Verhoeff.isValid("234123412346")).isTrue();
    }

    @Test
    void catchesEverySingleDigitMistakeAndEveryAdjacentSwap() {
        String valid = "234123412346";
        for (int i = 0; i < valid.length(); i++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != valid.charAt(i)) {
                    String typo = valid.substring(0, i) + digit + valid.substring(i + 1);
                    assertThat(Verhoeff.isValid(typo)).as(typo).isFalse();
                }
            }
        }
        for (int i = 0; i + 1 < valid.length(); i++) {
            if (valid.charAt(i) != valid.charAt(i + 1)) {
                String swapped = valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2);
                assertThat(Verhoeff.isValid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void refusesWhatIsNotDigits() {
        assertThat(Verhoeff.isValid(null)).isFalse();
        assertThat(Verhoeff.isValid("")).isFalse();
        assertThat(Verhoeff.isValid("23412341234x")).isFalse();
    }
}
