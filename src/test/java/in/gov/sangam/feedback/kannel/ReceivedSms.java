package in.gov.sangam.feedback.kannel;

/**
 * An SMS as it reached the fake SMS centre: {@code from} is the sender id the hub gave, {@code to} the citizen's
 * number, {@code text} the whole text (the parts of a concatenated SMS joined) and {@code parts} how many SMS it
 * took.
 */
public record ReceivedSms(String from, String to, String text, int parts) {
}
