package org.caserecord.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.Provider;

public record ProviderReportView(
        UUID reportId,
        Provider provider,
        LocalDate receivedOn,
        LocalDate periodFrom,
        LocalDate periodTo,
        String summary,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<ProviderReportView> {

    @Override
    public ProviderReportView withAmendments(List<AmendmentView> amendments) {
        return new ProviderReportView(reportId, provider, receivedOn, periodFrom, periodTo, summary, recordedAt,
                recordedBy, amendments);
    }
}
