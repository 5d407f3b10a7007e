package in.gov.sangam.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void showsAtMostTheLastFourDigits() {
        assertThat(Masking.aadhaarFromLastFour("2346")).isEqualTo("XXXX-XXXX-2346");
        assertThat(Masking.mobile("+919876543210")).isEqualTo("******3210");
        assertThat(Masking.mobile("9876543210")).isEqualTo("******3210");
        assertThat(Masking.mobile("12")).isEqualTo("****");
        assertThat(Masking.mobile(null)).isNull();
    }
}
