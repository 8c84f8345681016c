package org.caserecord.domain.commands;

import java.math.BigDecimal;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caserecord.domain.model.ReimbursementDecision;

/** Record the payer's decision on a pending reimbursement request. */
public record DecideReimbursement(
        @TargetAggregateIdentifier UUID caseId,
        UUID requestId,
        ReimbursementDecision decision,
        BigDecimal amountPaid,
        String payerReference,
        String reasonCode) {
}
