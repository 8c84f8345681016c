package org.caserecord.projections.retention;

/**
 * Where a case stands in its retention, on a given day. When several apply, the first listed wins:
 * a disposed record is DISPOSED even if a hold was never released, a held case is ON_HOLD whether
 * open or closed.
 */
public enum RetentionStatus {
    /** The record has been disposed of (crypto-shredded). */
    DISPOSED,
    /** At least one legal hold applies: the record may not be disposed of. */
    ON_HOLD,
    /** The case is open: the retention clock has not started. */
    ACTIVE,
    /** Closed, and its retention period has ended: it may be disposed of. */
    ELIGIBLE,
    /** Closed, and within its retention period. */
    RETAINED
}
