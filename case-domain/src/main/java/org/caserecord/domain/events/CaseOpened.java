package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.Phi;

public record CaseOpened(
        UUID caseId,
        Client client,
        String caseManagerId,
        LocalDate openedOn,
        @Phi String referralSource,
        @Phi String presentingConcerns) implements CaseEvent {
}
