package in.gov.sangam.catalogue;

/** Turns a JSON pointer ({@code /applicant/mobile}, {@code /items/2}) into the dotted field name problems use. */
public final class FieldPaths {

    private FieldPaths() {
    }

    public static String of(String pointer) {
        return below("", pointer);
    }

    public static String below(String prefix, String pointer) {
        StringBuilder path = new StringBuilder(prefix == null ? "" : prefix);
        for (String token : (pointer == null ? "" : pointer).split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
