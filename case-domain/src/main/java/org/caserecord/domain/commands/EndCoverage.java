package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The coverage ends on {@code endedOn} (its last covered day). */
public record EndCoverage(
        @TargetAggregateIdentifier UUID caseId,
        UUID coverageId,
        LocalDate endedOn,
        @TargetAggregateVersion Long expectedVersion) {
}
