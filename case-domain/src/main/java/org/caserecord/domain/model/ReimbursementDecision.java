package org.caserecord.domain.model;

/** What the payer decided on a reimbursement request. DENIED releases its meetings for a new request. */
public enum ReimbursementDecision {
    PAID,
    PARTIALLY_PAID,
    DENIED
}
