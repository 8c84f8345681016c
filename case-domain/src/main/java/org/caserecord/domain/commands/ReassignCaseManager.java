package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

/** Moves the case to another case manager's caseload. */
public record ReassignCaseManager(
        @TargetAggregateIdentifier UUID caseId,
        String caseManagerId,
        @Phi String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
