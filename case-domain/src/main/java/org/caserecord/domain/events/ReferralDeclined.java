package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.ReferralStatus;

public record ReferralDeclined(UUID caseId, UUID referralId, @Phi String reason,
                               ReferralDeclineReason declineReason) implements ReferralOutcomeRecorded {

    @Override
    public ReferralStatus resultingStatus() {
        return ReferralStatus.DECLINED;
    }
}
