package org.caserecord.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.RiskLevel;

public record AssessmentRecorded(
        UUID caseId,
        UUID assessmentId,
        AssessmentType type,
        Instant occurredAt,
        @Phi String summary,
        @Phi List<String> needs,
        RiskLevel riskLevel) implements CaseEvent, BusinessTimed {

    public AssessmentRecorded {
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}
