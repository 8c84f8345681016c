package org.caserecord.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.RiskLevel;

/**
 * The case file as the read model holds it; {@code version} is the last event applied.
 * {@code riskLevel} is the latest assessed risk; {@code treatmentPlan} the current version
 * of the plan and {@code treatmentPlanVersions} every version, oldest first.
 */
public record CaseFileView(
        UUID caseId,
        long version,
        CaseStatus status,
        Client client,
        String caseManagerId,
        LocalDate openedOn,
        String referralSource,
        String presentingConcerns,
        LocalDate closedOn,
        ClosureReason closureReason,
        String closureSummary,
        String reopenReason,
        Instant recordedAt,
        Instant updatedAt,
        RiskLevel riskLevel,
        List<MeetingView> meetings,
        List<ReferralView> referrals,
        List<AssessmentView> assessments,
        List<DiagnosisView> diagnoses,
        TreatmentPlanView treatmentPlan,
        List<TreatmentPlanView> treatmentPlanVersions,
        List<GoalProgressView> goalProgress,
        List<ProviderReportView> providerReports,
        List<FollowUpView> followUps,
        List<EducationView> education,
        List<FamilyMemberView> familyMembers,
        List<ConsentView> consents,
        Instant disposedAt) {
}
