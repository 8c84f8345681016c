package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caserecord.domain.model.ClaimLine;

/** Bill a payer for the case's meetings in a period, under one of the case's coverages. */
public record FileReimbursementRequest(
        @TargetAggregateIdentifier UUID caseId,
        UUID requestId,
        UUID coverageId,
        LocalDate periodFrom,
        LocalDate periodTo,
        List<ClaimLine> lines) {
}
