package in.gov.sangam.notices;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.deadletters.DeadLetters;
import in.gov.sangam.feedback.SmsEncoding;
import in.gov.sangam.feedback.SmsText;
import in.gov.sangam.logs.ApplicationLog;
import in.gov.sangam.outbox.OutboxRelay;
import in.gov.sangam.privacy.CitizenDataCipher;
import java.io.IOException;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the notice sender route ({@code routes/notices.yaml}) calls. It reads the notice a message names and puts it
 * into the headers its channel's endpoint reads (the mobile number is decrypted only here, and goes no further than
 * the gateway call); a notice SENT already is only marked so, and the route sends nothing. Then it records what became
 * of the notice: SENT, FAILED with a dead letter that says why, or still PENDING with the reason its try failed.
 */
@Component("noticeSending")
public class NoticeSending {

    /** Exchange properties the route carries across the endpoints (the SMS gateway's connector drops every header). */
    public static final String NOTICE_ID = "SangamNoticeId";
    public static final String CHANNEL = "SangamNoticeChannel";
    public static final String ALREADY_SENT = "SangamNoticeAlreadySent";
    private static final String REQUEST = "SangamNoticeRequest";
    private static final String KEY = "SangamNoticeKey";
    private static final String SHOWN_RECIPIENT = "SangamNoticeRecipient";
    private static final String APPLICATION_ID = "SangamNoticeApplicationId";

    private static final Logger LOG = LoggerFactory.getLogger(NoticeSending.class);

    private final NoticeStore store;
    private final CitizenDataCipher cipher;
    private final DeadLetters deadLetters;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final String senderId;

    NoticeSending(NoticeStore store, CitizenDataCipher cipher, DeadLetters deadLetters,
            ObjectMapper objectMapper, Clock clock, @Value("${sangam.sms.sender-id}") String senderId) {
        this.store = store;
        this.cipher = cipher;
        this.deadLetters = deadLetters;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.senderId = senderId;
    }

    /**
     * For an SMS, the headers the SMS gateway's connector reads: SmsTo (91 and the 10 digits), SmsText, SmsCoding (0
     * GSM-7, 2 UCS-2), SmsSenderId, SmsDltTemplateId and an empty SmsDeliveryReportUrl (a notice asks for no
     * delivery report). For an e-mail, To, Subject and Content-Language, with the text as the body.
     */
    public void prepare(Exchange exchange) throws IOException {
        String body = exchange.getMessage().getBody(String.class);
        exchange.setProperty(REQUEST, body);
        long noticeId = objectMapper.readTree(body).path("noticeId").asLong();
        exchange.setProperty(NOTICE_ID, noticeId);
        NoticeStore.StoredNotice notice = store.byId(noticeId)
                .orElseThrow(() -> new CannotSendNoticeException("There is no notice " + noticeId));
        exchange.setProperty(KEY, notice.noticeKey());
        exchange.setProperty(APPLICATION_ID, notice.applicationId());
        exchange.setProperty(CHANNEL, notice.channel().name());
        exchange.setProperty(SHOWN_RECIPIENT, notice.recipientShown());
        if (notice.state() == NoticeState.SENT) {
            ApplicationLog.info(LOG, notice.applicationId(), "Notice {} was sent already; not again",
                    notice.noticeKey());
            exchange.setProperty(ALREADY_SENT, true);
            return;
        }
        Message message = exchange.getMessage();
        if (notice.channel() == Channel.SMS) {
            SmsText text = SmsText.of(notice.text());
            message.setHeader("SmsTo", "91" + mobileOf(notice));
            message.setHeader("SmsText", text.text());
            message.setHeader("SmsCoding", text.encoding() == SmsEncoding.GSM_7 ? "0" : "2");
            message.setHeader("SmsSenderId", senderId);
            message.setHeader("SmsDltTemplateId", notice.dltTemplateId());
            message.setHeader("SmsDeliveryReportUrl", "");
        } else {
            message.setHeader("To", notice.storedRecipient());
            message.setHeader("Subject", notice.subject());
            message.setHeader("Content-Language", notice.language());
            message.setBody(notice.text());
        }
    }

    private String mobileOf(NoticeStore.StoredNotice notice) {
        try {
            return cipher.decrypt(notice.storedRecipient());
        } catch (RuntimeException e) {
            // The key changed since the notice was kept: no number to send to, however often it is tried.
            throw new CannotSendNoticeException("The number of notice " + notice.noticeKey()
                    + " cannot be decrypted (was sangam.crypto.key changed?)");
        }
    }

    /** The gateway or the SMTP server took the notice. */
    public void sent(Exchange exchange) {
        long noticeId = exchange.getProperty(NOTICE_ID, Long.class);
        if (store.markSent(noticeId, clock.instant())) {
            ApplicationLog.info(LOG, applicationIdOf(exchange), "Notice {} sent: {} to {}",
                    exchange.getProperty(KEY), exchange.getProperty(CHANNEL), exchange.getProperty(SHOWN_RECIPIENT));
        }
    }

    /**
     * The notice was refused (or cannot be made): a dead letter says why, to be replayed once the cause is mended, and
     * the notice shows FAILED meanwhile.
     */
    @Transactional
    public void refused(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "refused" : cause.getMessage();
        Long noticeId = exchange.getProperty(NOTICE_ID, Long.class);
        // The outbox message's id; the gateway's connector drops the headers, so it is made again from the notice.
        String messageId = noticeId != null ? "notice-" + noticeId
                : exchange.getMessage().getHeader(OutboxRelay.MESSAGE_ID_HEADER, String.class);
        String applicationId = applicationIdOf(exchange);
        long deadLetter = deadLetters.record(messageId,
                "EMAIL".equals(exchange.getProperty(CHANNEL)) ? "smtp" : "sms-gateway", applicationId, "notices",
                reason, 1, Notices.DESTINATION, Notices.MESSAGE_TYPE, exchange.getProperty(REQUEST, String.class));
        if (noticeId != null) {
            store.markFailed(noticeId, reason);
        }
        LOG.warn("Notice {} of {} refused: {}; dead letter {}", exchange.getProperty(KEY), applicationId, reason,
                deadLetter);
    }

    /** A try failed and the notice will be tried again (the gateway or the SMTP server down): its row says why. */
    public void failedTry(Exchange exchange) {
        Long noticeId = exchange.getProperty(NOTICE_ID, Long.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (noticeId != null) {
            store.noteFailedTry(noticeId, cause == null ? "unknown" : cause.toString());
        }
    }

    /** The application the notice is about: the notice's, or, before it was read, the message's. */
    private static String applicationIdOf(Exchange exchange) {
        String applicationId = exchange.getProperty(APPLICATION_ID, String.class);
        return applicationId != null ? applicationId
                : exchange.getMessage().getHeader(OutboxRelay.APPLICATION_ID_HEADER, String.class);
    }
}
