package in.gov.sangam.notices;

import in.gov.sangam.privacy.Masking;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/**
 * One notice to send, as its caller wrote it. The caller composes the text (and the subject of an e-mail); an SMS's
 * text must be one the state registered on DLT (TRAI's rules: the operators drop a text that matches no registered
 * template), so it comes with the id of the template it was filled from, and whoever writes a text keeps its id beside
 * it. Checked when made, so that a notice that could never be sent fails its caller, not the sender later.
 *
 * @param noticeKey     the caller's unique name for it (e.g. {@code appeal:APL-1:filed:citizen}): requested again, it
 *                      is not made again
 * @param recipient     a mobile number (10 digits, with or without +91) for an SMS; an e-mail address for an e-mail
 * @param language      the language the text is in (en, hi, ur, ...)
 * @param subject       an e-mail's subject; none for an SMS
 * @param dltTemplateId the 19-digit DLT template id an SMS's text is registered under; none for an e-mail
 */
public record Notice(String noticeKey, Channel channel, String recipient, String language, String subject,
        String text, String applicationId, String dltTemplateId) {

    public static final int MAX_KEY_LENGTH = 200;
    private static final Pattern INDIAN_MOBILE = Pattern.compile("[6-9]\\d{9}");
    private static final Pattern DLT_TEMPLATE_ID = Pattern.compile("\\d{19}");

    public Notice {
        require(noticeKey != null && !noticeKey.isBlank() && noticeKey.length() <= MAX_KEY_LENGTH,
                "A notice needs a key of at most " + MAX_KEY_LENGTH + " characters");
        require(channel != null, "Notice " + noticeKey + " needs a channel");
        require(applicationId != null && !applicationId.isBlank(), "Notice " + noticeKey + " needs its application");
        require(language != null && !language.isBlank(), "Notice " + noticeKey + " needs its language");
        require(text != null && !text.isBlank(), "Notice " + noticeKey + " has no text");
        if (channel == Channel.SMS) {
            // The message says which notice, never the number.
            require(recipient != null && INDIAN_MOBILE.matcher(nationalNumber(recipient)).matches(),
                    "Notice " + noticeKey + " goes by SMS but its recipient (" + Masking.mobile(recipient)
                            + ") is not an Indian mobile number");
            require(dltTemplateId != null && DLT_TEMPLATE_ID.matcher(dltTemplateId).matches(),
                    "Notice " + noticeKey + " goes by SMS and needs the 19-digit DLT template id its text is "
                            + "registered under");
        } else {
            require(isEmailAddress(recipient), "Notice " + noticeKey + " goes by e-mail but '" + recipient
                    + "' is not an e-mail address");
            require(subject != null && !subject.isBlank() && !subject.contains("\n") && !subject.contains("\r"),
                    "Notice " + noticeKey + " goes by e-mail and needs a subject of one line");
        }
    }

    /** A notice as first specified, without a DLT template id: right for an e-mail, refused for an SMS. */
    public Notice(String noticeKey, Channel channel, String recipient, String language, String subject, String text,
            String applicationId) {
        this(noticeKey, channel, recipient, language, subject, text, applicationId, null);
    }

    public static Notice sms(String noticeKey, String mobile, String language, String text, String dltTemplateId,
            String applicationId) {
        return new Notice(noticeKey, Channel.SMS, mobile, language, null, text, applicationId, dltTemplateId);
    }

    public static Notice email(String noticeKey, String address, String language, String subject, String text,
            String applicationId) {
        return new Notice(noticeKey, Channel.EMAIL, address, language, subject, text, applicationId, null);
    }

    /** The 10 national digits of a mobile number given as +91 98765 43210, 919876543210 or 9876543210. */
    static String nationalNumber(String mobile) {
        String digits = mobile == null ? "" : mobile.replaceAll("[^0-9]", "");
        return digits.length() == 12 && digits.startsWith("91") ? digits.substring(2) : digits;
    }

    /** The recipient as anyone reading the notice may see it: a number masked, an address as it is. */
    String recipientShown() {
        return channel == Channel.SMS ? Masking.mobile(nationalNumber(recipient)) : recipient;
    }

    private static boolean isEmailAddress(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            // One plain address: no display name, no group, nothing beside it.
            return parsed.getPersonal() == null && !parsed.isGroup() && parsed.getAddress().equals(address);
        } catch (AddressException e) {
            return false;
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
