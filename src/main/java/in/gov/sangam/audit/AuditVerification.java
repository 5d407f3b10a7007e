package in.gov.sangam.audit;

/**
 * What walking the audit trail found.
 *
 * @param head the newest entry the verification covered, as the hub recorded it: what the operator keeps outside the
 *     hub, when the trail is intact, to send with the next verification
 * @param firstBrokenSequence the first entry that does not match, or null when the trail is intact (or when the
 *     break cannot be placed: a kept hash that no entry has)
 * @param problem what is wrong, in a sentence, or null when the trail is intact
 */
public record AuditVerification(boolean intact, long entriesChecked, AuditHead head, Long firstBrokenSequence,
        String problem) {
}
