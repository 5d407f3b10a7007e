package in.gov.sangam.notices;

import java.time.Instant;

/**
 * A notice as the evidence record shows it: where it went (a mobile number masked), what it was about, and what
 * became of it.
 *
 * @param failure why it failed (FAILED), or why its last try did not send it (PENDING); null otherwise
 */
public record NoticeRecord(String noticeKey, Channel channel, String recipient, String subject, NoticeState state,
        Instant requestedAt, Instant sentAt, String failure) {
}
