package in.gov.sangam.notices;

/** How a notice goes out: by SMS through the SMS gateway's connector, or by e-mail through the SMTP server. */
public enum Channel {
    SMS,
    EMAIL
}
