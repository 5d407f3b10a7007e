package in.gov.sangam.feedback;

import java.util.Optional;

/**
 * Where feedback finds a citizen's number from the contact reference of a completion event. The number is kept by
 * the part of the hub that took the application; feedback asks for it only to send or match an SMS.
 */
public interface CitizenContacts {

    /** The mobile number (+91…) the reference names, if it still names one. */
    Optional<String> mobileOf(String contactRef);
}
