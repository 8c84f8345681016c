package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.RiskLevel;

public record AssessmentView(
        UUID assessmentId,
        AssessmentType type,
        Instant occurredAt,
        String summary,
        List<String> needs,
        RiskLevel riskLevel,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<AssessmentView> {

    @Override
    public AssessmentView withAmendments(List<AmendmentView> amendments) {
        return new AssessmentView(assessmentId, type, occurredAt, summary, needs, riskLevel, recordedAt, recordedBy,
                amendments);
    }
}
