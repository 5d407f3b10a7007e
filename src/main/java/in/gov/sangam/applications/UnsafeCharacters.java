package in.gov.sangam.applications;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text an application carries must reach every department's system as it was written. XML 1.0 cannot carry control
 * characters, unpaired surrogates or U+FFFE/U+FFFF at all (a SOAP request holding one is not XML, and is refused or
 * misread), and bidirectional overrides make text display as something other than what it holds (Trojan Source).
 * A form is free-form JSON shaped by each service's schema, which says nothing about characters, so every string
 * in it, nested or a field's own name, is checked here; each field holding one is named.
 */
final class UnsafeCharacters {

    private static final String MESSAGE = "must not contain %s: control characters, unpaired surrogates, U+FFFE, "
            + "U+FFFF and bidirectional overrides cannot be passed on to the department";

    private UnsafeCharacters() {
    }

    /** The fields at or below {@code path} whose text (or name) holds a character no department can be sent. */
    static List<FieldProblem> fieldsIn(JsonNode node, String path) {
        List<FieldProblem> errors = new ArrayList<>();
        collect(node, path, errors);
        return errors;
    }

    private static void collect(JsonNode node, String path, List<FieldProblem> errors) {
        if (node.isTextual()) {
            int unsafe = firstUnsafe(node.asText());
            if (unsafe >= 0) {
                errors.add(new FieldProblem(path, MESSAGE.formatted(describe(unsafe))));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String below = (path.isEmpty() ? "" : path + ".") + printable(name);
                int unsafe = firstUnsafe(name);
                if (unsafe >= 0) {
                    errors.add(new FieldProblem(below, "has a name that "
                            + MESSAGE.formatted(describe(unsafe))));
                }
                collect(field.getValue(), below, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    /** The first character of {@code text} that must not be passed on, or -1 if there is none. */
    static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (isUnsafe(c)) {
                return c;
            }
        }
        return -1;
    }

    private static boolean isUnsafe(char c) {
        return Character.isISOControl(c)
                || Character.isSurrogate(c)
                || c == '\uFFFE' || c == '\uFFFF'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static String describe(int c) {
        return "U+%04X".formatted(c);
    }

    /** A field's name as the problem can show it: its unsafe characters written as {@code \\uXXXX}. */
    private static String printable(String name) {
        if (firstUnsafe(name) < 0) {
            return name;
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (pair) {
                shown.append(c).append(name.charAt(++i));
            } else if (isUnsafe(c)) {
                shown.append("\\u%04X".formatted((int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }
}
