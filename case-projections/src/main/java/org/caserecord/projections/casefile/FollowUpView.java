package org.caserecord.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record FollowUpView(
        UUID followUpId,
        LocalDate dueOn,
        String purpose,
        Status status,
        Instant completedAt,
        String outcome,
        Boolean clientSatisfiedWithTreatment,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<FollowUpView> {

    public enum Status { SCHEDULED, COMPLETED }

    FollowUpView completed(Instant at, String outcome, Boolean satisfied) {
        return new FollowUpView(followUpId, dueOn, purpose, Status.COMPLETED, at, outcome, satisfied, recordedAt,
                recordedBy, amendments);
    }

    @Override
    public FollowUpView withAmendments(List<AmendmentView> amendments) {
        return new FollowUpView(followUpId, dueOn, purpose, status, completedAt, outcome,
                clientSatisfiedWithTreatment, recordedAt, recordedBy, amendments);
    }
}
