package org.caserecord.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caserecord.api.cases.CaseRequests.ProviderRequest;
import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.ConsentScope;
import org.caserecord.domain.model.EducationFormat;
import org.caserecord.domain.model.EducationRecipient;
import org.caserecord.domain.model.ProgressRating;
import org.caserecord.domain.model.RiskLevel;

/** Request bodies of the clinical record endpoints; rules beyond shape are the CaseFile's. */
final class ClinicalRequests {

    private ClinicalRequests() {
    }

    record AssessmentRequest(
            @NotNull AssessmentType type,
            @NotNull Instant occurredAt,
            @Size(max = 100_000) String summary,
            @Size(max = 100) List<@NotBlank @Size(max = 1000) String> needs,
            RiskLevel riskLevel) {
    }

    record DiagnosisRequest(
            @NotBlank @Size(max = 10) String code,
            @Size(max = 2000) String description,
            Boolean primary,
            @Size(max = 255) String diagnosedBy,
            @NotNull LocalDate diagnosedOn) {
    }

    record DiagnosisResolutionRequest(
            LocalDate resolvedOn,
            @Size(max = 20_000) String reason) {
    }

    record TreatmentPlanRequest(
            @NotNull @Size(max = 100) List<@NotNull @Valid GoalRequest> goals,
            @Size(max = 100) List<@NotNull @Valid InterventionRequest> interventions,
            LocalDate reviewBy) {
    }

    record GoalRequest(
            UUID goalId,
            @NotBlank @Size(max = 5000) String description,
            LocalDate targetDate) {
    }

    /** A provider named by hand ({@code provider}), taken from the directory ({@code resourceId}), or none. */
    record InterventionRequest(
            @NotBlank @Size(max = 5000) String description,
            @Valid ProviderRequest provider,
            UUID resourceId,
            @Size(max = 200) String frequency) {
    }

    record GoalProgressRequest(
            @NotNull Instant occurredAt,
            @NotNull ProgressRating rating,
            @Size(max = 20_000) String note) {
    }

    record ProviderReportRequest(
            @NotNull @Valid ProviderRequest provider,
            @NotNull LocalDate receivedOn,
            LocalDate periodFrom,
            LocalDate periodTo,
            @Size(max = 100_000) String summary) {
    }

    record FollowUpRequest(
            @NotNull LocalDate dueOn,
            @Size(max = 5000) String purpose) {
    }

    record FollowUpCompletionRequest(
            @NotNull Instant occurredAt,
            @Size(max = 20_000) String outcome,
            Boolean clientSatisfiedWithTreatment) {
    }

    record EducationRequest(
            @NotNull Instant occurredAt,
            @NotNull EducationRecipient recipient,
            @Size(max = 300) String recipientName,
            @NotBlank @Size(max = 1000) String topic,
            @NotNull EducationFormat format,
            @Size(max = 100) List<@NotBlank @Size(max = 1000) String> materials) {
    }

    record FamilyMemberRequest(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 100) String relationship,
            @Size(max = 1000) String contact,
            Boolean involvedInTreatment) {
    }

    record ConsentRequest(
            @NotNull ConsentScope scope,
            @NotBlank @Size(max = 300) String grantedTo,
            @NotNull LocalDate grantedOn,
            LocalDate validUntil) {
    }

    record ConsentRevocationRequest(LocalDate revokedOn) {
    }

    record ReassignmentRequest(
            @NotBlank @Size(max = 255) String caseManagerId,
            @NotBlank @Size(max = 5000) String reason) {
    }

    record AmendmentRequest(
            @NotNull UUID entryId,
            @NotBlank @Size(max = 100_000) String text,
            @NotBlank @Size(max = 5000) String reason) {
    }
}
