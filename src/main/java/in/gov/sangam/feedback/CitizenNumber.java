package in.gov.sangam.feedback;

/**
 * A citizen's mobile number in one form, the 10 national digits, so that the number an application was submitted
 * with (+919876543210, 9876543210) and the one a gateway reports a reply from (919876543210, +91 98765 43210) give
 * the same fingerprint.
 */
final class CitizenNumber {

    private CitizenNumber() {
    }

    static String national(String number) {
        String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    /** For logs: never the whole number. */
    static String masked(String number) {
        String national = national(number);
        return national.length() < 4 ? "****" : "******" + national.substring(national.length() - 4);
    }
}
