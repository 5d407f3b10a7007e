package in.gov.sangam.feedback;

/**
 * How an SMS's text is carried, and so how much of it fits a part: 160 GSM-7 characters in a single message, 153 in
 * each part of a longer one (the rest of each part holds the header that joins them); 70 UCS-2 units, or 67. Hindi
 * and Urdu are always UCS-2.
 */
public enum SmsEncoding {
    GSM_7(160, 153),
    UCS_2(70, 67);

    private final int single;
    private final int perPart;

    SmsEncoding(int single, int perPart) {
        this.single = single;
        this.perPart = perPart;
    }

    /** How many units fit a message sent as one part. */
    public int single() {
        return single;
    }

    /** How many units fit each part of a message sent in several. */
    public int perPart() {
        return perPart;
    }
}
