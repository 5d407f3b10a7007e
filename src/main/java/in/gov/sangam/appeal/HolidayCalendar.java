package in.gov.sangam.appeal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * The holidays of the state and of its districts ({@code psga/holidays.yaml}, whose comment documents the format),
 * checked when read: a calendar with a mistake stops the start-up with every mistake named, because a wrong holiday
 * would move every working-day deadline around it.
 */
public final class HolidayCalendar {

    /** A holiday, by name; {@code district} is null for a holiday of the whole state. */
    public record Holiday(String name, String district) {
    }

    private final Map<LocalDate, String> stateWide;
    private final Map<String, Map<LocalDate, String>> districts;

    /** @param stateWide each holiday's name by its date; {@code districts} the same for each district */
    HolidayCalendar(Map<LocalDate, String> stateWide, Map<String, Map<LocalDate, String>> districts) {
        this.stateWide = Map.copyOf(stateWide);
        Map<String, Map<LocalDate, String>> copy = new HashMap<>();
        districts.forEach((district, holidays) -> copy.put(district, Map.copyOf(holidays)));
        this.districts = Map.copyOf(copy);
    }

    /** A calendar without holidays. */
    public static HolidayCalendar none() {
        return new HolidayCalendar(Map.of(), Map.of());
    }

    public static HolidayCalendar read(Resource file) {
        List<String> problems = new ArrayList<>();
        JsonNode root = null;
        try (InputStream in = file.getInputStream()) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            problems.add("is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Map<LocalDate, String> stateWide = new HashMap<>();
        Map<String, Map<LocalDate, String>> districts = new HashMap<>();
        if (root != null && !root.isObject()) {
            problems.add("must be a mapping with stateWide and districts");
        } else if (root != null) {
            root.fieldNames().forEachRemaining(field -> {
                if (!field.equals("stateWide") && !field.equals("districts")) {
                    problems.add(field + ": is not a known field (stateWide, districts)");
                }
            });
            stateWide.putAll(dates(root.path("stateWide"), "stateWide", problems));
            JsonNode byDistrict = root.path("districts");
            if (!byDistrict.isMissingNode() && !byDistrict.isObject()) {
                problems.add("districts: must map each district to its holidays");
            }
            byDistrict.fields().forEachRemaining(district -> districts.put(district.getKey(),
                    dates(district.getValue(), "districts." + district.getKey(), problems)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The holiday calendar " + file.getDescription() + " has "
                    + problems.size() + " problem(s):\n- " + String.join("\n- ", problems));
        }
        return new HolidayCalendar(stateWide, districts);
    }

    private static Map<LocalDate, String> dates(JsonNode holidays, String where, List<String> problems) {
        Map<LocalDate, String> dates = new HashMap<>();
        if (holidays.isMissingNode() || holidays.isNull()) {
            return dates;
        }
        if (!holidays.isObject()) {
            problems.add(where + ": must map each date (YYYY-MM-DD) to the holiday's name");
            return dates;
        }
        holidays.fields().forEachRemaining(holiday -> {
            try {
                dates.put(LocalDate.parse(holiday.getKey()), holiday.getValue().asText().strip());
            } catch (DateTimeParseException notADate) {
                problems.add(where + "." + holiday.getKey() + ": is not a date (expected YYYY-MM-DD)");
            }
            if (!holiday.getValue().isTextual() || holiday.getValue().asText().isBlank()) {
                problems.add(where + "." + holiday.getKey() + ": needs the holiday's name");
            }
        });
        return dates;
    }

    /** Whether the day is a holiday of the whole state or of the district. */
    public boolean isHoliday(LocalDate day, String district) {
        return holiday(day, district).isPresent();
    }

    /** The day's holiday: the state's if it has one, else the district's. */
    public Optional<Holiday> holiday(LocalDate day, String district) {
        String stateHoliday = stateWide.get(day);
        if (stateHoliday != null) {
            return Optional.of(new Holiday(stateHoliday, null));
        }
        String local = district == null ? null : districts.getOrDefault(district, Map.of()).get(day);
        return local == null ? Optional.empty() : Optional.of(new Holiday(local, district));
    }
}
