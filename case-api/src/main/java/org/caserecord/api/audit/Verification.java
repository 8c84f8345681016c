package org.caserecord.api.audit;

import java.time.Instant;
import java.util.List;

/** The answers of the audit endpoints. */
public final class Verification {

    private Verification() {
    }

    /** What broke a case's chain first. */
    public enum Problem {
        /** The stored event at this sequence differs from what was sealed (a byte changed). */
        ALTERED,
        /** The event at this sequence is no longer in the table (its seal, or its successors, remain). */
        MISSING,
        /** The event sealed at another sequence of the case now stands at this one. */
        REORDERED,
        /** An event that was never sealed stands where a sealed one was. */
        REPLACED,
        /** An unsealed event stands before sealed ones (inserted into the history). */
        INSERTED,
        /**
         * An event was never sealed although the sealer has long passed its place in the store
         * (written around the service, or skipped).
         */
        UNSEALED
    }

    /**
     * @param sequence        the first sequence number at which the chain does not hold
     * @param storedEventId   the event id now stored at that sequence, if any
     * @param sealedEventId   the event id sealed at that sequence, if any
     */
    public record Mismatch(long sequence, Problem problem, String storedEventId, String sealedEventId) {
    }

    /**
     * @param eventsChecked   events recomputed and compared with their seals, up to the first mismatch
     * @param unsealedEvents  newest events not sealed yet (sealing follows commits within moments)
     */
    public record CaseResult(String caseId, boolean verified, long eventsChecked, long unsealedEvents,
                             Mismatch firstMismatch) {
    }

    /** Every case checked; {@code failures} lists at most {@value AuditChain#MAX_FAILURES_LISTED}. */
    public record StoreResult(boolean verified, long casesChecked, long eventsChecked, long unsealedEvents,
                              long failedCases, List<CaseResult> failures) {
    }

    /**
     * A digest over every seal up to {@code globalPosition}, in global order; keep it outside the
     * database and ask later whether the store still matches it.
     */
    public record Checkpoint(long globalPosition, String hash, long eventsCovered, Instant createdAt,
                             String algorithm) {
    }

    /**
     * @param recomputedHash the digest recomputed from today's event table up to the position
     * @param failedCases    cases whose chain no longer matches their seals (helps find what changed)
     */
    public record CheckpointResult(boolean verified, long globalPosition, String checkpointHash,
                                   String recomputedHash, long eventsCovered, List<CaseResult> failedCases) {
    }
}
