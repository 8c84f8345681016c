package org.caserecord.domain.commands;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.ProgressRating;

public record RecordGoalProgress(
        @TargetAggregateIdentifier UUID caseId,
        UUID progressId,
        UUID goalId,
        Instant occurredAt,
        ProgressRating rating,
        @Phi String note,
        @TargetAggregateVersion Long expectedVersion) {
}
