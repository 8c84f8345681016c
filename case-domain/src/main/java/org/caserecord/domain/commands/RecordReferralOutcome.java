package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.ReferralOutcome;

/**
 * Records what became of a referral; a reason is required to decline or cancel. A declined
 * referral may also say why as a category ({@code declineReason}), which statistics count.
 */
public record RecordReferralOutcome(
        @TargetAggregateIdentifier UUID caseId,
        UUID referralId,
        ReferralOutcome outcome,
        @Phi String reason,
        ReferralDeclineReason declineReason,
        @TargetAggregateVersion Long expectedVersion) {
}
