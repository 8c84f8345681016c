package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.Phi;

public record CloseCase(
        @TargetAggregateIdentifier UUID caseId,
        ClosureReason reason,
        @Phi String summary,
        LocalDate closedOn,
        @TargetAggregateVersion Long expectedVersion) {
}
