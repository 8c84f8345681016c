package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

/** Stop the case record from being disposed of while a legal matter is pending; allowed on closed cases. */
public record PlaceLegalHold(
        @TargetAggregateIdentifier UUID caseId,
        UUID holdId,
        @Phi String reason,
        @Phi String matterReference,
        @TargetAggregateVersion Long expectedVersion) {
}
