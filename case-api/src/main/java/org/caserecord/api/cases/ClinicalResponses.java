package org.caserecord.api.cases;

import java.util.UUID;

/** Answers to clinical writes: the id the server gave the new entry and the case version. */
final class ClinicalResponses {

    private ClinicalResponses() {
    }

    record AssessmentCreated(UUID assessmentId, long version) {
    }

    record DiagnosisCreated(UUID diagnosisId, long version) {
    }

    record TreatmentPlanSaved(int planVersion, long version) {
    }

    record GoalProgressCreated(UUID progressId, long version) {
    }

    record ProviderReportCreated(UUID reportId, long version) {
    }

    record FollowUpCreated(UUID followUpId, long version) {
    }

    record EducationCreated(UUID educationId, long version) {
    }

    record FamilyMemberCreated(UUID memberId, long version) {
    }

    record ConsentCreated(UUID consentId, long version) {
    }

    record AmendmentCreated(UUID amendmentId, long version) {
    }

    /** A change to an existing entry or to the case: what changed and the new case version. */
    record Changed(UUID id, String status, long version) {
    }
}
