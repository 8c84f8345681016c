package org.caserecord.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.caserecord.domain.model.Intervention;
import org.caserecord.domain.model.TreatmentGoal;

/** One version of the treatment plan (1 is the first). */
public record TreatmentPlanView(
        int planVersion,
        List<TreatmentGoal> goals,
        List<Intervention> interventions,
        LocalDate reviewBy,
        Instant recordedAt,
        String recordedBy) {
}
