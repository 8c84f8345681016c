package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.Phi;

/** Opens a new case; the case id is chosen by the sender. */
public record OpenCase(
        @TargetAggregateIdentifier UUID caseId,
        Client client,
        String caseManagerId,
        LocalDate openedOn,
        @Phi String referralSource,
        @Phi String presentingConcerns) {
}
