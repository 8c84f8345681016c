package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.Urgency;

public record ReferralView(
        UUID referralId,
        Provider provider,
        String reason,
        Urgency urgency,
        ReferralStatus status,
        String outcomeReason,
        ReferralDeclineReason declineReason,
        Instant addedAt,
        Instant updatedAt,
        List<AmendmentView> amendments) implements Amendable<ReferralView> {

    @Override
    public ReferralView withAmendments(List<AmendmentView> amendments) {
        return new ReferralView(referralId, provider, reason, urgency, status, outcomeReason, declineReason, addedAt,
                updatedAt,
                amendments);
    }
}
