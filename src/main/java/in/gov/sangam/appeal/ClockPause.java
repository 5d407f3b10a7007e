package in.gov.sangam.appeal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A period [from, to) the PSGA clock stood because the application was with the citizen: from its move to
 * RETURNED_TO_CITIZEN until its next change of status.
 */
public record ClockPause(Instant from, Instant to) {

    private static final String RETURNED_TO_CITIZEN = "RETURNED_TO_CITIZEN";

    public ClockPause {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A pause ends after it starts (" + from + " .. " + to + ")");
        }
    }

    /**
     * The pauses an application's history shows, oldest first; one still going on ends at {@code until}.
     *
     * @param history the application's changes of status, oldest first
     */
    public static List<ClockPause> fromHistory(List<ApplicationRecords.Change> history, Instant until) {
        List<ClockPause> pauses = new ArrayList<>();
        Instant withTheCitizenSince = null;
        for (ApplicationRecords.Change change : history) {
            boolean withTheCitizen = RETURNED_TO_CITIZEN.equals(change.status());
            if (withTheCitizen && withTheCitizenSince == null) {
                withTheCitizenSince = change.at();
            } else if (!withTheCitizen && withTheCitizenSince != null) {
                pauses.add(new ClockPause(withTheCitizenSince, change.at()));
                withTheCitizenSince = null;
            }
        }
        if (withTheCitizenSince != null && until.isAfter(withTheCitizenSince)) {
            pauses.add(new ClockPause(withTheCitizenSince, until));
        }
        return pauses;
    }
}
