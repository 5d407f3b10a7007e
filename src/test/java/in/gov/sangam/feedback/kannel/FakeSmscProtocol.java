package in.gov.sangam.feedback.kannel;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line-per-SMS protocol between bearerbox's {@code smsc = fake} and {@code fakesmsc}, as Kannel 1.4.5 speaks
 * it. bearerbox hands fakesmsc each SMS as {@code sender receiver type data}, which fakesmsc logs (at debug level) as
 * {@code Got message N: <line>}:
 * <ul>
 *   <li>{@code text}: GSM text as it is, so a line break in it ends the line: the rest comes as the next line;</li>
 *   <li>{@code ucs-2}: the UCS-2 (UTF-16BE) bytes, URL-encoded;</li>
 *   <li>{@code udh <udh> data <data>}: one part of a concatenated SMS, both URL-encoded. The line does not say the
 *       data's coding: UCS-2 is told from GSM text by its bytes (see {@link #decodePart}).</li>
 * </ul>
 * A citizen's SMS goes the other way as {@code sender receiver text <text>} or {@code sender receiver ucs2 <URL-encoded
 * UTF-16BE>}.
 */
final class FakeSmscProtocol {

    /** fakesmsc reads its input with a 256-byte buffer: a longer line would go as two SMS. */
    static final int MAX_LINE_BYTES = 255;

    private static final Pattern GOT_MESSAGE = Pattern.compile("Got message \\d+: <(.*)>$");
    private static final Pattern SMS = Pattern.compile("(\\S+) (\\S+) (text|ucs-2|data|udh) (.*)");
    private static final Pattern PART = Pattern.compile("(\\S+) data (.*)");
    /** Concatenation information elements: 8-bit reference (00 03 ref total seq) or 16-bit (08 04 ref ref total seq). */
    private static final int IE_CONCAT_8BIT = 0x00;
    private static final int IE_CONCAT_16BIT = 0x08;

    private FakeSmscProtocol() {
    }

    /** The SMS fakesmsc's log shows it received, in the order they were complete. */
    static List<ReceivedSms> received(List<String> fakesmscLog) {
        List<ReceivedSms> received = new ArrayList<>();
        Map<String, TreeMap<Integer, byte[]>> partsByMessage = new HashMap<>();
        boolean lastWasText = false;
        for (String logLine : fakesmscLog) {
            Matcher got = GOT_MESSAGE.matcher(logLine);
            if (!got.find()) {
                continue;
            }
            String line = got.group(1);
            Matcher sms = SMS.matcher(line);
            if (!sms.matches()) {
                if (lastWasText) {
                    // The rest of a GSM text after a line break in it.
                    ReceivedSms start = received.remove(received.size() - 1);
                    received.add(new ReceivedSms(start.from(), start.to(), start.text() + "\n" + line, 1));
                }
                continue;
            }
            String from = sms.group(1);
            String to = sms.group(2);
            String type = sms.group(3);
            String data = sms.group(4);
            lastWasText = type.equals("text");
            switch (type) {
                case "text" -> received.add(new ReceivedSms(from, to, data, 1));
                case "ucs-2" -> received.add(new ReceivedSms(from, to,
                        new String(urlDecode(data), StandardCharsets.UTF_16BE), 1));
                case "data" -> received.add(new ReceivedSms(from, to,
                        new String(urlDecode(data), StandardCharsets.UTF_8), 1));
                default -> {
                    Matcher part = PART.matcher(data);
                    if (!part.matches()) {
                        throw new IllegalStateException("fakesmsc got a UDH message it cannot read: " + line);
                    }
                    Concatenation concatenation = Concatenation.of(urlDecode(part.group(1)));
                    byte[] partData = urlDecode(part.group(2));
                    if (concatenation == null) {
                        received.add(new ReceivedSms(from, to, decodePart(partData), 1));
                        continue;
                    }
                    String message = from + " " + to + " " + concatenation.reference() + "/" + concatenation.total();
                    TreeMap<Integer, byte[]> parts = partsByMessage.computeIfAbsent(message, key -> new TreeMap<>());
                    parts.put(concatenation.sequence(), partData);
                    if (parts.size() == concatenation.total()) {
                        partsByMessage.remove(message);
                        ByteArrayOutputStream whole = new ByteArrayOutputStream();
                        parts.values().forEach(whole::writeBytes);
                        received.add(new ReceivedSms(from, to, decodePart(whole.toByteArray()), parts.size()));
                    }
                }
            }
        }
        return received;
    }

    /** The line that makes fakesmsc send an SMS from {@code from} to {@code to}: GSM text if it is ASCII, else UCS-2. */
    static String citizenSms(String from, String to, String text) {
        if (from.isBlank() || from.contains(" ") || to.isBlank() || to.contains(" ")) {
            throw new IllegalArgumentException("Numbers cannot hold spaces in fakesmsc's protocol: " + from + ", " + to);
        }
        boolean printableAscii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        String line = printableAscii
                ? from + " " + to + " text " + text
                : from + " " + to + " ucs2 " + urlEncode(text.getBytes(StandardCharsets.UTF_16BE));
        if (line.getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
            throw new IllegalArgumentException("fakesmsc takes at most " + MAX_LINE_BYTES + " bytes a line, and UCS-2 "
                    + "text takes 6 a character: " + line);
        }
        return line;
    }

    /**
     * A part's data decoded: UCS-2 when every other byte, the high byte of a UTF-16 code unit, is below 0x20, as in
     * Devanagari (09xx), Arabic (06xx) and ASCII (00xx); GSM text has no such bytes. Otherwise text as Kannel keeps it,
     * UTF-8.
     */
    static String decodePart(byte[] data) {
        boolean ucs2 = data.length % 2 == 0;
        for (int i = 0; ucs2 && i < data.length; i += 2) {
            ucs2 = (data[i] & 0xff) < 0x20;
        }
        return new String(data, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8);
    }

    /** Kannel's URL encoding: %XX, and + for a space. ISO-8859-1 keeps each %XX as the byte it stands for. */
    private static byte[] urlDecode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String urlEncode(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            encoded.append(String.format("%%%02X", b & 0xff));
        }
        return encoded.toString();
    }

    /** The concatenation information element of a UDH, if it has one. */
    private record Concatenation(int reference, int total, int sequence) {

        static Concatenation of(byte[] udh) {
            // udh[0] is the length of what follows; then information elements: id, length, data.
            int i = 1;
            while (i + 1 < udh.length) {
                int id = udh[i] & 0xff;
                int length = udh[i + 1] & 0xff;
                int data = i + 2;
                if (id == IE_CONCAT_8BIT && length == 3) {
                    return new Concatenation(udh[data] & 0xff, udh[data + 1] & 0xff, udh[data + 2] & 0xff);
                }
                if (id == IE_CONCAT_16BIT && length == 4) {
                    return new Concatenation(((udh[data] & 0xff) << 8) | (udh[data + 1] & 0xff),
                            udh[data + 2] & 0xff, udh[data + 3] & 0xff);
                }
                i = data + length;
            }
            return null;
        }
    }
}
