package in.gov.sangam.feedback;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The gateway's delivery reports for the survey SMS, by the token of each SMS's report URL. Kannel numbers the
 * report types: 1 delivered to the phone, 2 not delivered to the phone, 4 queued at the SMS centre, 8 delivered to
 * the SMS centre, 16 not delivered to the SMS centre. 1 makes the SMS DELIVERED; 2 and 16 make it UNDELIVERED; the
 * others only say it is on its way. A final report is never undone by a later one (reports may come out of order).
 */
@Component("smsDeliveryReports")
public class SmsDeliveryReports {

    private final Surveys surveys;
    private final Clock clock;

    public SmsDeliveryReports(Surveys surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    /** @return where the SMS stands after the report, or empty for a token no SMS has */
    public Optional<String> report(String messageToken, int type) {
        String delivery = switch (type) {
            case 1 -> Survey.DELIVERED;
            case 2, 16 -> Survey.UNDELIVERED;
            default -> Survey.AWAITED;
        };
        return surveys.recordDelivery(messageToken, type, delivery, clock.instant());
    }
}
