package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.ReferralOutcome;

/** Records what became of a referral; a reason is required to decline or cancel. */
public record RecordReferralOutcome(
        @TargetAggregateIdentifier UUID caseId,
        UUID referralId,
        ReferralOutcome outcome,
        @Phi String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
