package in.gov.sangam.privacy;

/** How citizen identifiers may be shown: never whole, at most their last four digits. */
public final class Masking {

    private Masking() {
    }

    /** {@code 234123412346} as {@code XXXX-XXXX-2346}. */
    public static String aadhaarFromLastFour(String lastFour) {
        return lastFour == null ? null : "XXXX-XXXX-" + lastFour;
    }

    /** {@code +919876543210} as {@code ******3210}. */
    public static String mobile(String mobile) {
        if (mobile == null) {
            return null;
        }
        String digits = mobile.replaceAll("\\D", "");
        return digits.length() <= 4 ? "****" : "******" + digits.substring(digits.length() - 4);
    }
}
