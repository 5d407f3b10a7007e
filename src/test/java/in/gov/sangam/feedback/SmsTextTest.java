package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsTextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("empty", "", SmsEncoding.GSM_7, 0, 1),
                Arguments.of("plain English", "Rate us: reply 1 Good", SmsEncoding.GSM_7, 21, 1),
                Arguments.of("160 GSM-7 characters fit one part", "a".repeat(160), SmsEncoding.GSM_7, 160, 1),
                Arguments.of("161 need two", "a".repeat(161), SmsEncoding.GSM_7, 161, 2),
                Arguments.of("306 fill two parts of 153", "a".repeat(306), SmsEncoding.GSM_7, 306, 2),
                Arguments.of("307 need three", "a".repeat(307), SmsEncoding.GSM_7, 307, 3),
                Arguments.of("an extension character costs two septets", "a".repeat(158) + "€", SmsEncoding.GSM_7,
                        160, 1),
                Arguments.of("one more and it is two parts", "a".repeat(159) + "€", SmsEncoding.GSM_7, 161, 2),
                Arguments.of("an escaped character is not split across parts", "a".repeat(152) + "{" + "a".repeat(152),
                        SmsEncoding.GSM_7, 306, 3),
                Arguments.of("£ and é are GSM-7", "£5 é", SmsEncoding.GSM_7, 4, 1),
                Arguments.of("one Hindi letter makes it UCS-2", "Rate: अ", SmsEncoding.UCS_2, 7, 1),
                Arguments.of("70 UCS-2 units fit one part", "आ".repeat(70), SmsEncoding.UCS_2, 70, 1),
                Arguments.of("71 need two", "आ".repeat(71), SmsEncoding.UCS_2, 71, 2),
                Arguments.of("134 fill two parts of 67", "ا".repeat(134), SmsEncoding.UCS_2, 134, 2),
                Arguments.of("135 need three", "ا".repeat(135), SmsEncoding.UCS_2, 135, 3),
                Arguments.of("a character outside the BMP takes two units, never split", "a".repeat(66) + "😀" + "a".repeat(67),
                        SmsEncoding.UCS_2, 135, 3),
                Arguments.of("a curly quote is not GSM-7", "it’s", SmsEncoding.UCS_2, 4, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void aTextIsCountedAsAGatewaySendsIt(String name, String text, SmsEncoding encoding, int units, int parts) {
        SmsText sms = SmsText.of(text);

        assertThat(sms.encoding()).isEqualTo(encoding);
        assertThat(sms.units()).isEqualTo(units);
        assertThat(sms.parts()).isEqualTo(parts);
    }
}
