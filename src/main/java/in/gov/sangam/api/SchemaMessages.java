package in.gov.sangam.api;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the schema validator's messages ({@code [Path '/applicant/mobile'] ECMA 262 regex "..." does not match
 * input string "12345"}) as short sentences about the field ({@code must match the pattern ...}); the field itself
 * is named beside the message, so the path is dropped.
 */
final class SchemaMessages {

    private record Rewrite(Pattern pattern, Function<Matcher, String> sentence) {
    }

    private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\]\\s*");
    private static final List<Rewrite> REWRITES = List.of(
            rewrite("ECMA 262 regex \"(.*)\" does not match input string .*", m -> "must match the pattern " + m.group(1)),
            rewrite("Instance value \\((.*)\\) not found in enum \\(possible values: \\[(.*)\\]\\)",
                    m -> "must be one of " + m.group(2).replace("\"", "").replace(",", ", ") + " (found " + m.group(1)
                            + ")"),
            rewrite("String .* is too short \\(length: (\\d+), required minimum: (\\d+)\\)",
                    m -> "must be at least " + m.group(2) + " characters long (found " + m.group(1) + ")"),
            rewrite("String .* is too long \\(length: (\\d+), maximum allowed: (\\d+)\\)",
                    m -> "must be at most " + m.group(2) + " characters long (found " + m.group(1) + ")"),
            rewrite("Instance type \\((\\w+)\\) does not match any allowed primitive type \\(allowed: \\[(.*)\\]\\)",
                    m -> "must be of type " + m.group(2).replace("\"", "") + " (found " + m.group(1) + ")"),
            rewrite("Numeric instance is lower than the required minimum \\(minimum: (.*), found: (.*)\\)",
                    m -> "must be at least " + m.group(1) + " (found " + m.group(2) + ")"),
            rewrite("Numeric instance is greater than the required maximum \\(maximum: (.*), found: (.*)\\)",
                    m -> "must be at most " + m.group(1) + " (found " + m.group(2) + ")"),
            rewrite("String (.*) is invalid against requested date format\\(s\\) (.*)",
                    m -> "must be a date-time as " + m.group(2) + " (found " + m.group(1) + ")"),
            rewrite("String (.*) is not a valid email address", m -> "must be an e-mail address (found " + m.group(1) + ")"));

    private SchemaMessages() {
    }

    static String readable(String message) {
        String text = PATH_PREFIX.matcher(message).replaceFirst("").trim();
        for (Rewrite rewrite : REWRITES) {
            Matcher matcher = rewrite.pattern().matcher(text);
            if (matcher.matches()) {
                return rewrite.sentence().apply(matcher);
            }
        }
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    private static Rewrite rewrite(String regex, Function<Matcher, String> sentence) {
        // DOTALL: a quoted value may hold a line separator, and the sentence must still be found.
        return new Rewrite(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), sentence);
    }
}
