package in.gov.sangam.appeal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How appeals run ({@code sangam.appeal.*}): how long each authority has to decide, the penalty the hub proposes
 * for each day of delay, up to a ceiling (the state's Act: Rs 250 a day, at most Rs 5,000), and the share of a
 * timeline after which the designated officer is warned.
 */
@ConfigurationProperties("sangam.appeal")
public record AppealSettings(Duration decideWithin, Duration secondDecideWithin, BigDecimal penaltyPerDay,
        BigDecimal penaltyMax, int sweepBatch, double warnAtShare) {

    public AppealSettings {
        if (!(warnAtShare > 0 && warnAtShare < 1)) {
            throw new IllegalArgumentException("sangam.appeal.warn-at-share must be a share of the timeline between 0 "
                    + "and 1, such as 0.8 (found " + warnAtShare + ")");
        }
    }

    /** The penalty proposed for a delay: so much a started day, never above the ceiling. */
    public BigDecimal proposedPenalty(Instant dueBy, Instant deliveredOrNow) {
        if (dueBy == null || !deliveredOrNow.isAfter(dueBy)) {
            return BigDecimal.ZERO;
        }
        long seconds = Duration.between(dueBy, deliveredOrNow).getSeconds();
        long days = (seconds + 86_399) / 86_400;
        return penaltyPerDay.multiply(BigDecimal.valueOf(days)).min(penaltyMax);
    }
}
