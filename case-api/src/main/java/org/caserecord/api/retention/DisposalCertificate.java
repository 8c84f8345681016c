package org.caserecord.api.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.retention.RetentionPolicy;

/**
 * Proof of what disposal did, derived from the disposal event itself, so it reads the same every
 * time it is asked for and an auditor can check each figure against the event store.
 *
 * @param certificateId   the disposal event's identifier
 * @param method          always CRYPTO_SHRED: the case's data key was destroyed
 * @param eventsAffected  the events before the disposal event, whose personal data is now unreadable
 * @param chainHead       the case's hash chain through the disposal event (docs/audit.md); the
 *                        chain still verifies after disposal, as it covers the stored ciphertext
 * @param closedOn        the closure retention ran from
 * @param retentionPolicy the policy applied. The day retention ended is not kept: for a former
 *                        minor it would give away the date of birth the disposal destroyed
 */
public record DisposalCertificate(
        UUID certificateId,
        UUID caseId,
        Instant disposedAt,
        String disposedBy,
        String method,
        long eventsAffected,
        String chainHead,
        String hashAlgorithm,
        String reason,
        LocalDate closedOn,
        RetentionPolicy retentionPolicy) {

    public static final String CRYPTO_SHRED = "CRYPTO_SHRED";
}
