package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsReplyTest {

    @ParameterizedTest(name = "''{0}'' is {1} {2}")
    @CsvSource({
        "1, RATING, GOOD",
        "2, RATING, AVERAGE",
        "3, RATING, BAD",
        "' 2 ', RATING, AVERAGE",
        "'1.', RATING, GOOD",
        "Good, RATING, GOOD",
        "AVERAGE!, RATING, AVERAGE",
        "bad, RATING, BAD",
        "अच्छा, RATING, GOOD",
        "ठीक, RATING, AVERAGE",
        "खराब, RATING, BAD",
        // ख़ typed as one letter (U+0959), and a Hindi full stop.
        "\u0959राब।, RATING, BAD",
        "१, RATING, GOOD",
        "اچھا, RATING, GOOD",
        "ٹھیک, RATING, AVERAGE",
        "خراب۔, RATING, BAD",
        "۳, RATING, BAD",
        "STOP, STOP, ",
        "stop, STOP, ",
        "' Stop. ', STOP, ",
        "APPEAL, APPEAL, ",
        "अपील, APPEAL, ",
        "اپیل, APPEAL, ",
        "appeal please, COMMENT, ",
        "4, COMMENT, ",
        "12, COMMENT, ",
        "The clerk asked for money, COMMENT, ",
        "'', COMMENT, ",
        "stop sending these, COMMENT, "
    })
    void aReplyIsReadAsTheSurveyAsksForIt(String text, SmsReply.Kind kind, Rating rating) {
        SmsReply reply = SmsReply.parse(text);

        assertThat(reply.kind()).isEqualTo(kind);
        assertThat(reply.rating()).isEqualTo(rating);
        assertThat(reply.text()).isEqualTo(kind == SmsReply.Kind.COMMENT ? text : null);
    }
}
