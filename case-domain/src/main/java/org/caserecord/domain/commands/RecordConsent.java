package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.ConsentScope;
import org.caserecord.domain.model.Phi;

public record RecordConsent(
        @TargetAggregateIdentifier UUID caseId,
        UUID consentId,
        ConsentScope scope,
        @Phi String grantedTo,
        LocalDate grantedOn,
        LocalDate validUntil,
        @TargetAggregateVersion Long expectedVersion) {
}
