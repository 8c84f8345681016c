package org.caserecord.projections.caseload;

import java.time.Instant;
import java.time.LocalDate;

import org.caserecord.domain.model.RiskLevel;

/**
 * What a caseload read asks for.
 *
 * @param overdue       only overdue (true) or only not overdue (false) cases; null for all
 * @param riskLevel     only cases at this latest risk level; null for all
 * @param sort          oldest case first, or the soonest next follow-up first
 * @param cursor        where the previous page ended; null for the first page
 * @param now           the current instant, for overdue and days since last contact
 * @param today         today's date in the clinic's time zone
 * @param noContactDays how many days without contact make a case overdue
 */
public record CaseloadQuery(
        String caseManagerId,
        Boolean overdue,
        RiskLevel riskLevel,
        Sort sort,
        int limit,
        String cursor,
        Instant now,
        LocalDate today,
        int noContactDays) {

    public enum Sort { OPENED_ON, NEXT_DUE }
}
