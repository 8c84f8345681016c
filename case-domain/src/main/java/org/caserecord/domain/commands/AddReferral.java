package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.Urgency;

public record AddReferral(
        @TargetAggregateIdentifier UUID caseId,
        UUID referralId,
        Provider provider,
        @Phi String reason,
        Urgency urgency,
        @TargetAggregateVersion Long expectedVersion) {
}
