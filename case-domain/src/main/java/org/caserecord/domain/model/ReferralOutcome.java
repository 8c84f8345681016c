package org.caserecord.domain.model;

/** What can be recorded about a referral after it was made. */
public enum ReferralOutcome {
    ACCEPTED,
    DECLINED,
    COMPLETED,
    CANCELLED;

    /** Declining or cancelling a referral must say why; the record has to explain the gap in care. */
    public boolean requiresReason() {
        return this == DECLINED || this == CANCELLED;
    }
}
