package org.caserecord.projections.caseload;

/**
 * One case manager's line in the supervisor's overview: open cases, how many are overdue,
 * how many are at HIGH or IMMINENT risk, and referrals awaiting an answer.
 */
public record ManagerOverview(
        String caseManagerId,
        int openCases,
        int overdue,
        int highOrImminentRisk,
        int pendingReferrals) {
}
