package org.caserecord.domain.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.ClaimLine;

/** A reimbursement request was filed: these lines, under this coverage, for this total. */
public record ReimbursementRequested(
        UUID caseId,
        UUID requestId,
        UUID coverageId,
        String payerId,
        LocalDate periodFrom,
        LocalDate periodTo,
        List<ClaimLine> lines,
        BigDecimal total) implements CaseEvent {

    public ReimbursementRequested {
        lines = List.copyOf(lines);
    }
}
