package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RevokeConsent(
        @TargetAggregateIdentifier UUID caseId,
        UUID consentId,
        LocalDate revokedOn,
        @TargetAggregateVersion Long expectedVersion) {
}
