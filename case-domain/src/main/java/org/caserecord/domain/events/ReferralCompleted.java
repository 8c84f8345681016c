package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.ReferralStatus;

public record ReferralCompleted(UUID caseId, UUID referralId, @Phi String reason) implements ReferralOutcomeRecorded {

    @Override
    public ReferralStatus resultingStatus() {
        return ReferralStatus.COMPLETED;
    }
}
