package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuietHoursTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @ParameterizedTest(name = "{0}: due {1} (IST {2}) -> sent {3}")
    @CsvSource({
        // 21:00-08:00 IST is 15:30-02:30 UTC.
        "21:00-08:00, 2026-11-29T10:00:00Z, 15:30, 2026-11-29T10:00:00Z",
        "21:00-08:00, 2026-11-29T15:29:59Z, 20:59:59, 2026-11-29T15:29:59Z",
        "21:00-08:00, 2026-11-29T15:30:00Z, 21:00, 2026-11-30T02:30:00Z",
        "21:00-08:00, 2026-11-29T18:30:00Z, 00:00, 2026-11-30T02:30:00Z",
        "21:00-08:00, 2026-11-30T02:29:00Z, 07:59, 2026-11-30T02:30:00Z",
        "21:00-08:00, 2026-11-30T02:30:00Z, 08:00, 2026-11-30T02:30:00Z",
        // Quiet hours within one day.
        "13:00-14:00, 2026-11-29T07:45:00Z, 13:15, 2026-11-29T08:30:00Z",
        "13:00-14:00, 2026-11-29T08:30:00Z, 14:00, 2026-11-29T08:30:00Z",
        // None.
        "'', 2026-11-29T18:30:00Z, 00:00, 2026-11-29T18:30:00Z"
    })
    void aSurveyDueInQuietHoursGoesOutWhenTheyEnd(String hours, Instant due, String ist, Instant sent) {
        assertThat(QuietHours.of(hours, IST).sendAt(due)).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"21:00", "21:00-08:00-09:00", "9pm-8am", "08:00-08:00"})
    void aSettingThatIsNotTwoTimesIsRefusedByName(String hours) {
        assertThatThrownBy(() -> QuietHours.of(hours, IST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sangam.feedback.quiet-hours must be like 21:00-08:00");
    }
}
