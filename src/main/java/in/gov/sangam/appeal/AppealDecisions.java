package in.gov.sangam.appeal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An appellate authority's decision on an appeal before it: recorded once, and the citizen and the designated officer
 * told of it in the same transaction, so that a decision is never announced without being kept, nor kept unannounced.
 */
@Component
public class AppealDecisions {

    /** What the authority ordered. */
    public record Decision(String outcome, String directions, BigDecimal penaltyAmount,
            BigDecimal compensationAmount) {
    }

    private final Appeals appeals;
    private final AppealNotices notices;
    private final Clock clock;

    AppealDecisions(Appeals appeals, AppealNotices notices, Clock clock) {
        this.appeals = appeals;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * @param decidedBy the client that decided it
     * @return the appeal as decided; empty if there is no such appeal
     * @throws AppealNotDecidableException for an appeal decided already or moved to the second authority (nothing is
     *     changed)
     */
    @Transactional
    public Optional<Appeal> decide(String appealId, Decision decision, String decidedBy) {
        Optional<Appeal> appeal = appeals.find(appealId);
        if (appeal.isEmpty()) {
            return Optional.empty();
        }
        if (!appeals.decide(appealId, decision.outcome(), decision.directions(), decision.penaltyAmount(),
                decision.compensationAmount(), clock.instant(), decidedBy)) {
            throw new AppealNotDecidableException(appeals.find(appealId).orElse(appeal.get()));
        }
        Appeal decided = appeals.find(appealId).orElseThrow();
        notices.decided(decided);
        return Optional.of(decided);
    }
}
