package in.gov.sangam.appeal;

import java.math.BigDecimal;
import java.time.Instant;

/** A PSGA appeal as the appeal subsystem keeps it. */
public record Appeal(String appealId, String applicationId, int level, String grounds, String serviceCode,
        String department, String district, String authority, Instant filedAt, Instant decideBy, String status,
        Instant dueBy, Instant deliveredLateAt, String outcome, String directions, BigDecimal penaltyAmount,
        BigDecimal compensationAmount, Instant decidedAt, String decidedBy, Instant acknowledgedAt) {

    public static final String DELAY = "DELAY";
    public static final String REJECTED_WITHOUT_REASON = "REJECTED_WITHOUT_REASON";
    public static final String PENDING = "PENDING";
    public static final String ESCALATED = "ESCALATED";

    /** An appeal's id: its application's, with the level, and a letter for grounds other than delay. */
    static String idOf(String applicationId, int level, String grounds) {
        String suffix = switch (grounds) {
            case DELAY -> "";
            case REJECTED_WITHOUT_REASON -> "R";
            default -> "D";
        };
        return "APL-" + applicationId.substring(applicationId.indexOf('-') + 1) + "-" + level + suffix;
    }

    public boolean decided() {
        return outcome != null;
    }
}
