package org.caserecord.domain.events;

import java.math.BigDecimal;
import java.util.UUID;

import org.caserecord.domain.model.ReimbursementDecision;

/** The payer decided on a request; a DENIED request's meetings may be billed again. */
public record ReimbursementDecided(
        UUID caseId,
        UUID requestId,
        ReimbursementDecision decision,
        BigDecimal amountPaid,
        String payerReference,
        String reasonCode) implements CaseEvent {
}
