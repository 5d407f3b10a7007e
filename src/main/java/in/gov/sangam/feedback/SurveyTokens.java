package in.gov.sangam.feedback;

import java.security.SecureRandom;

/**
 * The tokens in survey links and delivery-report URLs: 16 characters of A–Z, a–z and 0–9 from a secure random
 * source (95 bits), short enough for an SMS and not to be guessed or counted up.
 */
public final class SurveyTokens {

    public static final int LENGTH = 16;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SurveyTokens() {
    }

    public static String next() {
        StringBuilder token = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /** Whether a text could be a token at all: anything else is refused before the database is asked. */
    public static boolean isWellFormed(String text) {
        return text != null && text.length() == LENGTH && text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
