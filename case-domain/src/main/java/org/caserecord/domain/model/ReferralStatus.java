package org.caserecord.domain.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands. PENDING and ACCEPTED are open (they block closing the case);
 * DECLINED, COMPLETED and CANCELLED are final.
 */
public enum ReferralStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    COMPLETED,
    CANCELLED;

    public boolean isOpen() {
        return this == PENDING || this == ACCEPTED;
    }

    /** The referral lifecycle: pending → accepted, declined or cancelled; accepted → completed or cancelled. */
    public Set<ReferralOutcome> allowedOutcomes() {
        return switch (this) {
            case PENDING -> EnumSet.of(ReferralOutcome.ACCEPTED, ReferralOutcome.DECLINED, ReferralOutcome.CANCELLED);
            case ACCEPTED -> EnumSet.of(ReferralOutcome.COMPLETED, ReferralOutcome.CANCELLED);
            case DECLINED, COMPLETED, CANCELLED -> EnumSet.noneOf(ReferralOutcome.class);
        };
    }

    public static ReferralStatus after(ReferralOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> ACCEPTED;
            case DECLINED -> DECLINED;
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
        };
    }
}
