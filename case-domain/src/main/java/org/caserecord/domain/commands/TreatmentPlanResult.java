package org.caserecord.domain.commands;

/** What {@link SetTreatmentPlan} answers: the new plan version and the case version. */
public record TreatmentPlanResult(int planVersion, long caseVersion) {
}
