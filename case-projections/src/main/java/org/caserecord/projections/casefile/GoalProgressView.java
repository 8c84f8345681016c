package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.ProgressRating;

public record GoalProgressView(
        UUID progressId,
        UUID goalId,
        Instant occurredAt,
        ProgressRating rating,
        String note,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<GoalProgressView> {

    @Override
    public GoalProgressView withAmendments(List<AmendmentView> amendments) {
        return new GoalProgressView(progressId, goalId, occurredAt, rating, note, recordedAt, recordedBy, amendments);
    }
}
