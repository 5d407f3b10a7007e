package in.gov.sangam.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A notice that could never be sent is refused when it is made, with a message that never holds the number. */
class NoticeTest {

    private static final String DLT = "1107170000000000201";

    @ParameterizedTest
    @ValueSource(strings = {"+919876543210", "919876543210", "9876543210", "+91 98765 43210"})
    void anSmsGoesToAnIndianMobileNumberInAnyOfItsForms(String number) {
        Notice notice = Notice.sms("k", number, "en", "Text", DLT, "SGM-2026-0000001");

        assertThat(Notice.nationalNumber(notice.recipient())).isEqualTo("9876543210");
        assertThat(notice.recipientShown()).isEqualTo("******3210");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+915876543210", "98765432", "+4915112345678", "0044 20 7946 0958"})
    void anSmsToAnythingButAnIndianMobileNumberIsRefusedWithoutQuotingIt(String number) {
        assertThatThrownBy(() -> Notice.sms("k", number, "en", "Text", DLT, "SGM-2026-0000001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an Indian mobile number")
                .hasMessageNotContaining(number.replaceAll("\\D", ""));
    }

    @Test
    void anSmsNeedsTheDltTemplateItsTextIsRegisteredUnder() {
        assertThatThrownBy(() -> new Notice("k", Channel.SMS, "9876543210", "en", null, "Text", "SGM-2026-0000001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DLT template id");
        assertThatThrownBy(() -> Notice.sms("k", "9876543210", "en", "Text", "12345", "SGM-2026-0000001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DLT template id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "Officer <do@health.example.gov.in>", "a@b.in, c@d.in", "do@health .in", ""})
    void anEmailGoesToOnePlainAddress(String address) {
        assertThatThrownBy(() -> Notice.email("k", address, "en", "Subject", "Text", "SGM-2026-0000001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an e-mail address");
    }

    @Test
    void anEmailNeedsASubjectOfOneLine() {
        assertThatThrownBy(() -> Notice.email("k", "do@health.example.gov.in", "en", "Subject\r\nBcc: x@y.in",
                "Text", "SGM-2026-0000001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject of one line");
        assertThat(new Notice("k", Channel.EMAIL, "do@health.example.gov.in", "en", "Subject", "Text",
                "SGM-2026-0000001").dltTemplateId()).isNull();
    }

    @Test
    void everyNoticeNeedsAKeyATextAndItsApplication() {
        assertThatThrownBy(() -> Notice.email("x".repeat(Notice.MAX_KEY_LENGTH + 1), "do@health.example.gov.in", "en",
                "Subject", "Text", "SGM-2026-0000001")).hasMessageContaining("key");
        assertThatThrownBy(() -> Notice.email("k", "do@health.example.gov.in", "en", "Subject", " ",
                "SGM-2026-0000001")).hasMessageContaining("no text");
        assertThatThrownBy(() -> Notice.email("k", "do@health.example.gov.in", "en", "Subject", "Text", null))
                .hasMessageContaining("application");
    }
}
