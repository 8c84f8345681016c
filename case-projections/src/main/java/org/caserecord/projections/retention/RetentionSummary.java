package org.caserecord.projections.retention;

import java.time.LocalDate;
import java.util.Map;

/**
 * Retention at a glance, for the dashboard. Counts only: a minor's retain-until date is derived
 * from their date of birth, so which case becomes eligible on which day is for the register
 * (records officers and auditors), not for every dashboard reader.
 *
 * @param byStatus          cases per retention status today
 * @param horizon           the last day looked ahead to
 * @param becomingEligible  how many retained records become eligible for disposal by {@code horizon}
 * @param becomingEligibleByMonth the same by month of their retain-until date ("2026-12"), in order
 */
public record RetentionSummary(Map<RetentionStatus, Long> byStatus, LocalDate horizon, long becomingEligible,
                               Map<String, Long> becomingEligibleByMonth) {
}
