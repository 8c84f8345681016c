package org.caserecord.api.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The insurance-ready summary for one payer and period: per client, who they are at the payer,
 * the coverage, the diagnoses (ICD-10-CM, primary first) and every filed service line with its
 * request's status. Built from the reimbursement requests filed in the period.
 */
public record InsuranceSummary(String payerId, LocalDate from, LocalDate to, List<Client> clients, BigDecimal total) {

    public record Client(
            UUID caseId,
            String name,
            LocalDate dateOfBirth,
            Coverage coverage,
            List<String> diagnoses,
            List<Line> lines,
            BigDecimal total) {
    }

    public record Coverage(
            UUID coverageId,
            String payerId,
            String payerName,
            String planName,
            String memberId,
            String groupNumber,
            String subscriberRelationship,
            String priority,
            LocalDate effectiveFrom,
            LocalDate effectiveTo) {
    }

    /** One filed service line; {@code requestStatus} is PENDING, PAID, PARTIALLY_PAID or DENIED. */
    public record Line(
            UUID requestId,
            String requestStatus,
            UUID meetingId,
            LocalDate dateOfService,
            String serviceCode,
            List<String> modifiers,
            int units,
            BigDecimal unitRate,
            BigDecimal charge,
            String placeOfService,
            String renderingNpi,
            List<String> diagnosisCodes) {
    }
}
