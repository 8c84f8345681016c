package org.caserecord.domain.model;

/**
 * How a meeting is billed: an HCPCS service code of the clinic's catalog and the two-digit CMS
 * place-of-service code. Units, charge and modifiers are derived from the catalog when a
 * reimbursement request is filed.
 */
public record MeetingBilling(String serviceCode, String placeOfService) {
}
