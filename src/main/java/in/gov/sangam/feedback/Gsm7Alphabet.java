package in.gov.sangam.feedback;

/**
 * The GSM 03.38 default alphabet an SMS is sent in when every character of its text is in it: 7 bits a character,
 * the characters of its extension table taking two (an escape first). Any other character makes the whole message
 * UCS-2.
 */
final class Gsm7Alphabet {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private Gsm7Alphabet() {
    }

    /** The septets the character takes: 1, 2 for the extension table, or 0 when it is not in the alphabet. */
    static int septets(int codePoint) {
        if (codePoint > Character.MAX_VALUE) {
            return 0;
        }
        if (BASIC.indexOf(codePoint) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(codePoint) >= 0 ? 2 : 0;
    }

    static boolean canEncode(String text) {
        return text.codePoints().allMatch(codePoint -> septets(codePoint) > 0);
    }
}
