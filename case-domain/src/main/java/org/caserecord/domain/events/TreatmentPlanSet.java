package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.Intervention;
import org.caserecord.domain.model.TreatmentGoal;

/** A new version of the treatment plan (1 for the first); it replaces the previous version. */
public record TreatmentPlanSet(
        UUID caseId,
        int planVersion,
        List<TreatmentGoal> goals,
        List<Intervention> interventions,
        LocalDate reviewBy) implements CaseEvent {

    public TreatmentPlanSet {
        goals = goals == null ? List.of() : List.copyOf(goals);
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }
}
