package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.Provider;

public record ProviderReportReceived(
        UUID caseId,
        UUID reportId,
        Provider provider,
        LocalDate receivedOn,
        LocalDate periodFrom,
        LocalDate periodTo,
        @Phi String summary) implements CaseEvent {
}
