package in.gov.sangam.notices;

import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.messaging.Addresses;
import in.gov.sangam.outbox.Outbox;
import in.gov.sangam.privacy.CitizenDataCipher;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the hub asks for a notice to be sent, and reads what it asked for. A notice is kept, with a message for the
 * notice sender in the outbox, in the caller's own transaction: it exists if and only if what it announces was
 * committed, and it is made once per key. The message carries the notice's id only; the recipient stays in the
 * notices table (a mobile number encrypted), so it is in no broker journal or dead letter.
 */
@Component
public class Notices {

    public static final String MESSAGE_TYPE = "NoticeRequested";
    public static final String DESTINATION = "queue:" + Addresses.NOTICES;

    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final NoticeStore store;
    private final Outbox outbox;
    private final CitizenDataCipher cipher;
    private final Clock clock;

    Notices(NoticeStore store, Outbox outbox, CitizenDataCipher cipher, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Joins the caller's transaction (Propagation.MANDATORY). A notice whose key was requested before is not
     * requested again (returns false): so a sweep or an event redelivered makes no second notice.
     *
     * @throws IllegalArgumentException if the notice could not be sent (see {@link Notice})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean request(Notice notice) {
        String recipient = notice.channel() == Channel.SMS
                ? cipher.encrypt(Notice.nationalNumber(notice.recipient())) : notice.recipient();
        Optional<Long> added = store.addPending(notice, recipient, clock.instant());
        if (added.isEmpty()) {
            ApplicationLog.info(LOG, notice.applicationId(), "Notice {} was requested before; not again",
                    notice.noticeKey());
            return false;
        }
        long noticeId = added.get();
        outbox.add("notice-" + noticeId, DESTINATION, MESSAGE_TYPE, notice.applicationId(),
                Map.of("noticeId", noticeId));
        ApplicationLog.info(LOG, notice.applicationId(), "Notice {} requested: {} to {}", notice.noticeKey(),
                notice.channel(), notice.recipientShown());
        return true;
    }

    /**
     * What was requested for an application, for the evidence record: key, channel, recipient (masked for SMS),
     * subject, state (PENDING/SENT/FAILED), requestedAt, sentAt, and why one failed.
     */
    public List<NoticeRecord> forApplication(String applicationId) {
        return store.forApplication(applicationId);
    }
}
