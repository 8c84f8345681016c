package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.Provider;

public record RecordProviderReport(
        @TargetAggregateIdentifier UUID caseId,
        UUID reportId,
        Provider provider,
        LocalDate receivedOn,
        LocalDate periodFrom,
        LocalDate periodTo,
        @Phi String summary,
        @TargetAggregateVersion Long expectedVersion) {
}
