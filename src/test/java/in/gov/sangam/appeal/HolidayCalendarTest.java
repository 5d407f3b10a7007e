package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class HolidayCalendarTest {

    @Test
    void theShippedCalendarReadsWithStateAndDistrictHolidays() {
        HolidayCalendar calendar = HolidayCalendar.read(new ClassPathResource("psga/holidays.yaml"));

        assertThat(calendar.isHoliday(LocalDate.parse("2026-12-25"), "Anantnag")).isTrue();
        assertThat(calendar.isHoliday(LocalDate.parse("2026-12-07"), "Srinagar")).isTrue();
        assertThat(calendar.isHoliday(LocalDate.parse("2026-12-07"), "Anantnag")).isFalse();
        assertThat(calendar.isHoliday(LocalDate.parse("2026-12-08"), "Srinagar")).isFalse();
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        2026-12-25 | Anantnag | holiday: Christmas
        2026-12-07 | Srinagar | district holiday (Srinagar): Martyrs Day
        2026-12-07 | Anantnag | (working day)
        2026-12-06 | Anantnag | Sunday
        2026-12-12 | Anantnag | second Saturday
        2026-12-26 | Anantnag | fourth Saturday
        2026-12-19 | Anantnag | (working day)
        2026-12-05 | Anantnag | (working day)
        """)
    void aClosedDaySaysWhy(LocalDate day, String district, String why) {
        WorkingDays workingDays = new WorkingDays(HolidayCalendar.read(new ByteArrayResource("""
                stateWide:
                  2026-12-25: Christmas
                districts:
                  Srinagar:
                    2026-12-07: Martyrs Day
                """.getBytes(StandardCharsets.UTF_8))), java.util.Set.of(2, 4));

        assertThat(workingDays.whyClosed(day, district).orElse("(working day)")).isEqualTo(why);
        assertThat(workingDays.isWorkingDay(day, district)).isEqualTo(why.equals("(working day)"));
    }

    @Test
    void everyMistakeIsNamed() {
        String file = """
                stateWide:
                  2026-13-01: Not a month
                  2026-12-25: ""
                districts:
                  Srinagar: [2026-12-07]
                holidays: {}
                """;

        assertThatThrownBy(() -> HolidayCalendar.read(new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stateWide.2026-13-01: is not a date (expected YYYY-MM-DD)")
                .hasMessageContaining("stateWide.2026-12-25: needs the holiday's name")
                .hasMessageContaining("districts.Srinagar: must map each date (YYYY-MM-DD) to the holiday's name")
                .hasMessageContaining("holidays: is not a known field");
    }

    @Test
    void aClosedSaturdayIsCountedFromOneToFive() {
        assertThatThrownBy(() -> new WorkingDays(HolidayCalendar.none(), java.util.Set.of(6)))
                .hasMessageContaining("counted from 1 to 5");
    }
}
