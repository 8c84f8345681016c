package org.caserecord.api.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Proof of what disposal did, derived from the disposal event itself, so it reads the same every
 * time it is asked for and an auditor can check each figure against the event store.
 *
 * @param certificateId   the disposal event's identifier
 * @param method          always CRYPTO_SHRED: the case's data key was destroyed
 * @param eventsAffected  the events before the disposal event, whose personal data is now unreadable
 * @param chainHead       the case's hash chain through the disposal event (docs/audit.md); the
 *                        chain still verifies after disposal, as it covers the stored ciphertext
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
        LocalDate retainUntil) {

    public static final String CRYPTO_SHRED = "CRYPTO_SHRED";
}
