package org.caserecord.domain.commands;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.RiskLevel;

/** Records an assessment; a RISK assessment must state the risk level. */
public record RecordAssessment(
        @TargetAggregateIdentifier UUID caseId,
        UUID assessmentId,
        AssessmentType type,
        Instant occurredAt,
        @Phi String summary,
        @Phi List<String> needs,
        RiskLevel riskLevel,
        @TargetAggregateVersion Long expectedVersion) {
}
