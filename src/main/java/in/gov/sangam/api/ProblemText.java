package in.gov.sangam.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a problem repeats from the request (a field's name, the value the validator quotes) must not carry what the
 * contract refuses in free text: control, line-separator and bidi-override characters are written as visible
 * {@code \\uXXXX} escapes, and the text is cut to the contract's length, so a hostile request cannot make the
 * hub's own answer break the contract or mislead whoever reads it.
 */
final class ProblemText {

    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
    private static final String CUT = "…";

    private ProblemText() {
    }

    static String visible(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        Matcher invisible = INVISIBLE.matcher(text);
        StringBuilder shown = new StringBuilder();
        while (invisible.find()) {
            invisible.appendReplacement(shown,
                    Matcher.quoteReplacement(String.format("\\u%04X", (int) invisible.group().charAt(0))));
        }
        invisible.appendTail(shown);
        if (shown.codePointCount(0, shown.length()) <= maxLength) {
            return shown.toString();
        }
        return shown.substring(0, shown.offsetByCodePoints(0, maxLength - CUT.length())) + CUT;
    }
}
