package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.Phi;

/**
 * A goal in a new treatment plan version: either one of the current plan's goals, named by
 * {@code existingGoalId}, or a new goal that gets {@code newGoalId} (chosen by the sender;
 * ignored when {@code existingGoalId} is given). A new goal id is never one used before.
 */
public record PlannedGoal(UUID existingGoalId, UUID newGoalId, @Phi String description, LocalDate targetDate) {

    public UUID goalId() {
        return existingGoalId != null ? existingGoalId : newGoalId;
    }
}
