package org.caserecord.projections.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caserecord.projections.retention.RetentionSummary;

/**
 * Figures for a period [from, to] (dates inclusive), from the reporting views.
 *
 * @param openCases           cases open now
 * @param opened              cases opened in the period
 * @param closed              closures in the period (closedOn in it), by reason; a closure counts
 *                            even if the case was reopened later
 * @param meetingsByMonth     meetings that happened in the period, per month and type
 * @param referralsByStatus   referrals added in the period, by current status
 * @param medianDaysToOutcome median days from referral to its latest outcome, for referrals
 *                            added in the period that have one; null if none
 * @param followUpsOverdue    open follow-ups of open cases due before today
 * @param openCasesByRisk     open cases by latest risk level (UNASSESSED when none)
 * @param reimbursement       reimbursement requests filed in the period, by payer and status
 * @param retention           cases by retention status today, and records becoming eligible for
 *                            disposal in the next 90 days
 * @param referralsByResource referrals added in the period to resources of the directory, per
 *                            resource, most referred first
 */
public record Dashboard(
        LocalDate from,
        LocalDate to,
        long openCases,
        long opened,
        Closed closed,
        List<MonthlyMeetings> meetingsByMonth,
        Map<String, Long> referralsByStatus,
        Double medianDaysToOutcome,
        long followUpsOverdue,
        Map<String, Long> openCasesByRisk,
        List<Reimbursement> reimbursement,
        RetentionSummary retention,
        List<ResourceReferrals> referralsByResource) {

    /**
     * What became of the referrals to one resource. {@code accepted} and {@code declined} count
     * its first answers (a referral accepted and later completed or cancelled counts as accepted);
     * {@code declinedByReason} counts declines by category (UNSPECIFIED when none was given);
     * {@code medianDaysToAnswer} is the median of the days from referral to that answer, null when
     * none was answered. Name, type and status are the directory's now.
     */
    public record ResourceReferrals(UUID resourceId, String name, String type, String status, long referrals,
                                    long accepted, long declined, Map<String, Long> declinedByReason,
                                    long pending, long completed, long cancelled, Double medianDaysToAnswer) {
    }

    /** Requests of one payer in one status: how many, what they claimed, what was paid. */
    public record Reimbursement(String payerId, String status, long requests, BigDecimal claimed, BigDecimal paid) {
    }

    public record Closed(long total, Map<String, Long> byReason) {
    }

    public record MonthlyMeetings(String month, String type, long meetings, long totalMinutes) {
    }
}
