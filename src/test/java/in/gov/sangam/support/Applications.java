package in.gov.sangam.support;

/** Application bodies the tests submit. */
public final class Applications {

    /** A valid Aadhaar number (its last digit is the Verhoeff check digit). */
    public static final String AADHAAR = "234123412346";
    public static final String MOBILE = "+919876543210";

    private Applications() {
    }

    public static String domicile(String fatherName) {
        return """
                {"serviceCode": "revenue-domicile-certificate",
                 "applicant": {"name": "Aisha Bhat", "mobile": "%s", "aadhaar": "%s",
                               "email": "aisha.bhat@example.com", "district": "Srinagar", "language": "ur"},
                 "formData": {"fatherName": "%s", "residentSinceYear": 1998, "tehsil": "Khanyar"}}
                """.formatted(MOBILE, AADHAAR, fatherName);
    }
}
