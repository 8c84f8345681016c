package org.caserecord.domain.casefile;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.caserecord.domain.commands.PlannedGoal;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.events.ConsentRecorded;
import org.caserecord.domain.events.DiagnosisRecorded;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralOutcomeRecorded;
import org.caserecord.domain.events.TreatmentPlanSet;
import org.caserecord.domain.model.EntryType;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.TreatmentGoal;

/**
 * The parts of a case that the CaseFile's decisions need beyond its lifecycle: which entries
 * exist (for amendments and duplicate ids), referral statuses, diagnoses, the current plan's
 * goals, open follow-ups, consents and disclosures. Checks throw typed rejections;
 * {@code record…} methods are called by the aggregate's event-sourcing handler only.
 */
final class ClinicalRecord {

    private final Map<UUID, EntryType> entries = new HashMap<>();
    private final Map<UUID, ReferralStatus> referrals = new HashMap<>();
    private final Map<UUID, Diagnosis> diagnoses = new HashMap<>();
    private final Map<UUID, Boolean> followUpsCompleted = new HashMap<>();
    private final Map<UUID, Consent> consents = new HashMap<>();
    private final Set<UUID> amendments = new HashSet<>();
    /** Disclosures take ids from the same space as entries but are not entries an amendment corrects. */
    private final Set<UUID> disclosures = new HashSet<>();
    private final Set<UUID> currentGoals = new HashSet<>();
    private final Set<UUID> everyGoal = new HashSet<>();
    private int planVersion;

    private record Diagnosis(boolean primary, boolean resolved, LocalDate diagnosedOn) {
    }

    private record Consent(boolean revoked, LocalDate grantedOn) {
    }

    // --- checks -------------------------------------------------------------------------

    void mustBeNewEntry(UUID entryId, String field, CaseErrorCode duplicate) {
        CaseRules.required(entryId, field);
        if (entries.containsKey(entryId) || amendments.contains(entryId) || everyGoal.contains(entryId)
                || disclosures.contains(entryId)) {
            throw new CaseCommandRejected(duplicate, field);
        }
    }

    EntryType entryType(UUID entryId) {
        EntryType type = entryId == null ? null : entries.get(entryId);
        if (type == null) {
            throw new CaseCommandRejected(CaseErrorCode.ENTRY_NOT_FOUND, "entryId");
        }
        return type;
    }

    ReferralStatus referralStatus(UUID referralId) {
        ReferralStatus status = referralId == null ? null : referrals.get(referralId);
        if (status == null) {
            throw new CaseCommandRejected(CaseErrorCode.REFERRAL_NOT_FOUND, "referralId");
        }
        return status;
    }

    void referralsMustHaveFinalOutcomeBeforeClosure() {
        if (referrals.values().stream().anyMatch(ReferralStatus::isOpen)) {
            throw new CaseCommandRejected(CaseErrorCode.OPEN_REFERRALS_BLOCK_CLOSURE);
        }
    }

    void atMostOneActivePrimaryDiagnosis(boolean primary) {
        if (primary && diagnoses.values().stream().anyMatch(d -> d.primary() && !d.resolved())) {
            throw new CaseCommandRejected(CaseErrorCode.PRIMARY_DIAGNOSIS_EXISTS, "primary");
        }
    }

    LocalDate activeDiagnosisDate(UUID diagnosisId) {
        Diagnosis diagnosis = diagnosisId == null ? null : diagnoses.get(diagnosisId);
        if (diagnosis == null) {
            throw new CaseCommandRejected(CaseErrorCode.DIAGNOSIS_NOT_FOUND, "diagnosisId");
        }
        if (diagnosis.resolved()) {
            throw new CaseCommandRejected(CaseErrorCode.DIAGNOSIS_ALREADY_RESOLVED);
        }
        return diagnosis.diagnosedOn();
    }

    /** Goals carried over must be goals of the current plan, each named once. */
    void goalsMustContinueTheCurrentPlan(List<PlannedGoal> goals) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < goals.size(); i++) {
            PlannedGoal goal = goals.get(i);
            String field = "goals[" + i + "]";
            CaseRules.required(goal, field);
            CaseRules.requiredText(goal.description(), field + ".description");
            if (goal.existingGoalId() != null && !currentGoals.contains(goal.existingGoalId())) {
                throw new CaseCommandRejected(CaseErrorCode.UNKNOWN_GOAL_IN_PLAN, field + ".goalId");
            }
            if (goal.existingGoalId() == null) {
                // A new goal never takes the id of an earlier goal (its progress would be inherited).
                mustBeNewEntry(goal.newGoalId(), field + ".goalId", CaseErrorCode.DUPLICATE_ENTRY);
            }
            if (!seen.add(goal.goalId())) {
                throw new CaseCommandRejected(CaseErrorCode.DUPLICATE_GOAL_IN_PLAN, field + ".goalId");
            }
        }
    }

    int nextPlanVersion() {
        return planVersion + 1;
    }

    void mustBeGoalOfCurrentPlan(UUID goalId) {
        if (goalId == null || !currentGoals.contains(goalId)) {
            throw new CaseCommandRejected(CaseErrorCode.GOAL_NOT_FOUND, "goalId");
        }
    }

    void mustBeOpenFollowUp(UUID followUpId) {
        Boolean completed = followUpId == null ? null : followUpsCompleted.get(followUpId);
        if (completed == null) {
            throw new CaseCommandRejected(CaseErrorCode.FOLLOW_UP_NOT_FOUND, "followUpId");
        }
        if (completed) {
            throw new CaseCommandRejected(CaseErrorCode.FOLLOW_UP_ALREADY_COMPLETED);
        }
    }

    /** Answers the date the consent was granted. */
    LocalDate activeConsentGrantedOn(UUID consentId) {
        Consent consent = consentId == null ? null : consents.get(consentId);
        if (consent == null) {
            throw new CaseCommandRejected(CaseErrorCode.CONSENT_NOT_FOUND, "consentId");
        }
        if (consent.revoked()) {
            throw new CaseCommandRejected(CaseErrorCode.CONSENT_ALREADY_REVOKED);
        }
        return consent.grantedOn();
    }

    // --- state changes, from events -----------------------------------------------------

    void recordEntry(UUID entryId, EntryType type) {
        entries.put(entryId, type);
    }

    void recordReferral(ReferralAdded event) {
        referrals.put(event.referralId(), ReferralStatus.PENDING);
        recordEntry(event.referralId(), EntryType.REFERRAL);
    }

    void recordReferralOutcome(ReferralOutcomeRecorded event) {
        referrals.put(event.referralId(), event.resultingStatus());
    }

    void recordDiagnosis(DiagnosisRecorded event) {
        diagnoses.put(event.diagnosisId(), new Diagnosis(event.primary(), false, event.diagnosedOn()));
        recordEntry(event.diagnosisId(), EntryType.DIAGNOSIS);
    }

    void recordDiagnosisResolved(UUID diagnosisId) {
        Diagnosis diagnosis = diagnoses.get(diagnosisId);
        diagnoses.put(diagnosisId, new Diagnosis(diagnosis.primary(), true, diagnosis.diagnosedOn()));
    }

    void recordPlan(TreatmentPlanSet event) {
        planVersion = event.planVersion();
        currentGoals.clear();
        event.goals().stream().map(TreatmentGoal::goalId).forEach(currentGoals::add);
        everyGoal.addAll(currentGoals);
    }

    void recordAmendment(UUID amendmentId) {
        amendments.add(amendmentId);
    }

    boolean hasActiveDiagnosis() {
        return diagnoses.values().stream().anyMatch(diagnosis -> !diagnosis.resolved());
    }

    void recordDisclosure(UUID disclosureId) {
        disclosures.add(disclosureId);
    }

    void recordFollowUp(UUID followUpId, boolean completed) {
        followUpsCompleted.put(followUpId, completed);
        recordEntry(followUpId, EntryType.FOLLOW_UP);
    }

    void recordConsent(ConsentRecorded event) {
        consents.put(event.consentId(), new Consent(false, event.grantedOn()));
        recordEntry(event.consentId(), EntryType.CONSENT);
    }

    void recordConsentRevoked(UUID consentId) {
        consents.put(consentId, new Consent(true, consents.get(consentId).grantedOn()));
    }
}
