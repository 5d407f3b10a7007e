package in.gov.sangam.feedback;

/**
 * An SMS's text with what it costs to send: its encoding, its length in that encoding's units (GSM-7 septets or
 * UCS-2 code units) and the parts it goes in. Gateways bill, and DLT rules limit, per part.
 */
public record SmsText(String text, SmsEncoding encoding, int units, int parts) {

    public static SmsText of(String text) {
        SmsEncoding encoding = Gsm7Alphabet.canEncode(text) ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
        int units = 0;
        // Filled part by part, as a gateway splits a long message: a character is never split across two parts
        // (an escaped GSM-7 character, a UTF-16 surrogate pair), so a part may end one unit short.
        int parts = 1;
        int inPart = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int cost = encoding == SmsEncoding.GSM_7 ? Gsm7Alphabet.septets(codePoint) : Character.charCount(codePoint);
            if (inPart + cost > encoding.perPart()) {
                parts++;
                inPart = 0;
            }
            inPart += cost;
            units += cost;
            i += Character.charCount(codePoint);
        }
        return new SmsText(text, encoding, units, units <= encoding.single() ? 1 : parts);
    }
}
