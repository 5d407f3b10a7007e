package in.gov.sangam.feedback;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * What a citizen's SMS reply to a survey says: a rating (the reply codes 1, 2, 3 the survey offers, or their words in
 * English, Hindi or Urdu), STOP (no more surveys to this number), APPEAL (after rating a delivered service bad: an
 * appeal against it), or anything else, kept as a comment.
 *
 * @param rating the rating, for a reply that is one
 * @param text the reply as sent, for a comment
 */
public record SmsReply(Kind kind, Rating rating, String text) {

    public enum Kind {
        RATING,
        STOP,
        APPEAL,
        COMMENT
    }

    private static final Map<String, Rating> WORDS = Map.ofEntries(
            Map.entry("1", Rating.GOOD), Map.entry("2", Rating.AVERAGE), Map.entry("3", Rating.BAD),
            Map.entry("good", Rating.GOOD), Map.entry("average", Rating.AVERAGE), Map.entry("bad", Rating.BAD),
            Map.entry("अच्छा", Rating.GOOD), Map.entry("ठीक", Rating.AVERAGE), Map.entry("खराब", Rating.BAD),
            Map.entry("اچھا", Rating.GOOD), Map.entry("ٹھیک", Rating.AVERAGE), Map.entry("خراب", Rating.BAD),
            // Digits as Hindi and Urdu keyboards type them.
            Map.entry("१", Rating.GOOD), Map.entry("२", Rating.AVERAGE), Map.entry("३", Rating.BAD),
            Map.entry("۱", Rating.GOOD), Map.entry("۲", Rating.AVERAGE), Map.entry("۳", Rating.BAD));

    /** APPEAL, and the word in Hindi and Urdu. */
    private static final java.util.Set<String> APPEAL_WORDS = java.util.Set.of("appeal", "अपील", "اپیل");

    public static SmsReply parse(String text) {
        String word = normalised(text);
        if (word.equals("stop")) {
            return new SmsReply(Kind.STOP, null, null);
        }
        if (APPEAL_WORDS.contains(word)) {
            return new SmsReply(Kind.APPEAL, null, null);
        }
        Rating rating = WORDS.get(word);
        return rating != null ? new SmsReply(Kind.RATING, rating, null) : new SmsReply(Kind.COMMENT, null, text);
    }

    /**
     * The reply as one word: trimmed, lower case, the full stop or exclamation a phone adds dropped, and Hindi's
     * nukta forms (ख़राब) and Urdu's Arabic letter forms (ي, ك) written as the lists write them.
     */
    private static String normalised(String text) {
        String word = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[.!।۔]+$", "")
                .strip();
        return Normalizer.normalize(word, Normalizer.Form.NFD).replace("\u093C", "")
                .transform(decomposed -> Normalizer.normalize(decomposed, Normalizer.Form.NFC))
                .replace('ي', 'ی').replace('ك', 'ک');
    }
}
