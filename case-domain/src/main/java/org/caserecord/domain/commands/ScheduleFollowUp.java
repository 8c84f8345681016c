package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

public record ScheduleFollowUp(
        @TargetAggregateIdentifier UUID caseId,
        UUID followUpId,
        LocalDate dueOn,
        @Phi String purpose,
        @TargetAggregateVersion Long expectedVersion) {
}
