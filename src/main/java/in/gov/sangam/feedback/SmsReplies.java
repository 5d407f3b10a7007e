package in.gov.sangam.feedback;

import in.gov.sangam.privacy.CitizenDataCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's SMS to the survey's number: STOP opts the number out of every later survey; a rating (1, 2, 3 or their
 * words) answers the latest open survey sent to that number; anything else is kept as a comment on it. The number is
 * matched by its fingerprint only.
 */
@Component("smsReplies")
public class SmsReplies {

    /** What a reply was taken as (the contract's SmsReplyReceipt). */
    public enum Outcome {
        RATED,
        OPTED_OUT,
        APPEAL_REQUESTED,
        COMMENTED,
        UNMATCHED
    }

    private static final Logger LOG = LoggerFactory.getLogger(SmsReplies.class);

    private final Surveys surveys;
    private final SurveyAppeals appeals;
    private final CitizenDataCipher cipher;
    private final Clock clock;
    private final Duration answerWithin;

    public SmsReplies(Surveys surveys, SurveyAppeals appeals, CitizenDataCipher cipher, Clock clock,
            @Value("${sangam.feedback.answer-within}") Duration answerWithin) {
        this.surveys = surveys;
        this.appeals = appeals;
        this.cipher = cipher;
        this.clock = clock;
        this.answerWithin = answerWithin;
    }

    /** APPEAL: the latest delivered service this number rated BAD, within the answer period, is appealed. */
    private Outcome appeal(String numberHash, String from, Instant now) {
        Optional<Survey> ratedBad = surveys.latestRatedBadBy(numberHash, now, answerWithin);
        if (ratedBad.isEmpty()) {
            LOG.info("An appeal from {} matches no service it rated bad", CitizenNumber.masked(from));
            return Outcome.UNMATCHED;
        }
        appeals.requestFor(ratedBad.get());
        return Outcome.APPEAL_REQUESTED;
    }

    @Transactional
    public Outcome receive(String from, String text) {
        String numberHash = cipher.fingerprint(CitizenNumber.national(from));
        Instant now = clock.instant();
        SmsReply reply = SmsReply.parse(text);
        if (reply.kind() == SmsReply.Kind.STOP) {
            surveys.optOut(numberHash, now);
            LOG.info("The number {} opted out of surveys", CitizenNumber.masked(from));
            return Outcome.OPTED_OUT;
        }
        if (reply.kind() == SmsReply.Kind.APPEAL) {
            return appeal(numberHash, from, now);
        }
        Optional<Survey> survey = surveys.latestOpenFor(numberHash, now, answerWithin);
        if (survey.isEmpty()) {
            LOG.info("A reply from {} matches no open survey", CitizenNumber.masked(from));
            return Outcome.UNMATCHED;
        }
        if (reply.kind() == SmsReply.Kind.RATING
                && surveys.rate(survey.get().surveyId(), reply.rating(), null, "SMS", now, answerWithin)) {
            LOG.info("Survey of {} rated {} by SMS", survey.get().applicationId(), reply.rating());
            return Outcome.RATED;
        }
        if (reply.kind() == SmsReply.Kind.RATING) {
            // Answered on the web a moment ago: nothing is left to rate.
            return Outcome.UNMATCHED;
        }
        surveys.addComment(survey.get().surveyId(), reply.text().strip());
        LOG.info("A comment on the survey of {} by SMS", survey.get().applicationId());
        return Outcome.COMMENTED;
    }
}
