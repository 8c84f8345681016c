package org.caserecord.domain.commands;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

public record CompleteFollowUp(
        @TargetAggregateIdentifier UUID caseId,
        UUID followUpId,
        Instant occurredAt,
        @Phi String outcome,
        Boolean clientSatisfiedWithTreatment,
        @TargetAggregateVersion Long expectedVersion) {
}
