package org.caserecord.domain.model;

import java.time.LocalDate;
import java.util.UUID;

/** A goal of a treatment plan version; its id stays the same across versions. */
public record TreatmentGoal(UUID goalId, @Phi String description, LocalDate targetDate) {
}
