package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Intervention;

/** Replaces the treatment plan with a new version; earlier versions stay in the record. */
public record SetTreatmentPlan(
        @TargetAggregateIdentifier UUID caseId,
        List<PlannedGoal> goals,
        List<Intervention> interventions,
        LocalDate reviewBy,
        @TargetAggregateVersion Long expectedVersion) {
}
