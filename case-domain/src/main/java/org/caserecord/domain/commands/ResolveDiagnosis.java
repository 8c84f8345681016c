package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

public record ResolveDiagnosis(
        @TargetAggregateIdentifier UUID caseId,
        UUID diagnosisId,
        LocalDate resolvedOn,
        @Phi String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
