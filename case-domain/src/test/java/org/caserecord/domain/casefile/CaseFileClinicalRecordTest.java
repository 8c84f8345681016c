package org.caserecord.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.CLOCK;
import static org.caserecord.domain.casefile.CaseFixtures.MEETING_ID;
import static org.caserecord.domain.casefile.CaseFixtures.REFERRAL_ID;
import static org.caserecord.domain.casefile.CaseFixtures.TODAY;
import static org.caserecord.domain.casefile.CaseFixtures.caseClosed;
import static org.caserecord.domain.casefile.CaseFixtures.caseOpened;
import static org.caserecord.domain.casefile.CaseFixtures.meetingRecorded;
import static org.caserecord.domain.casefile.CaseFixtures.referralAdded;
import static org.caserecord.domain.casefile.ClinicalFixtures.AMENDMENT_REASON;
import static org.caserecord.domain.casefile.ClinicalFixtures.AN_HOUR_AGO;
import static org.caserecord.domain.casefile.ClinicalFixtures.ASSESSMENT_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.CONSENT_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.CORRECTED_TEXT;
import static org.caserecord.domain.casefile.ClinicalFixtures.DIAGNOSED_ON;
import static org.caserecord.domain.casefile.ClinicalFixtures.DIAGNOSIS_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.FOLLOW_UP_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.HOUSING_GOAL_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.INTERVENTIONS;
import static org.caserecord.domain.casefile.ClinicalFixtures.IN_TWO_HOURS;
import static org.caserecord.domain.casefile.ClinicalFixtures.MOOD_GOAL_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.REVIEW_BY;
import static org.caserecord.domain.casefile.ClinicalFixtures.SECOND_DIAGNOSIS_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.TOMORROW;
import static org.caserecord.domain.casefile.ClinicalFixtures.UNKNOWN_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.WORK_GOAL_ID;
import static org.caserecord.domain.casefile.ClinicalFixtures.addFamilyMember;
import static org.caserecord.domain.casefile.ClinicalFixtures.amendEntry;
import static org.caserecord.domain.casefile.ClinicalFixtures.assessmentRecorded;
import static org.caserecord.domain.casefile.ClinicalFixtures.caseManagerReassigned;
import static org.caserecord.domain.casefile.ClinicalFixtures.completeFollowUp;
import static org.caserecord.domain.casefile.ClinicalFixtures.consentRecorded;
import static org.caserecord.domain.casefile.ClinicalFixtures.consentRevoked;
import static org.caserecord.domain.casefile.ClinicalFixtures.diagnosisRecorded;
import static org.caserecord.domain.casefile.ClinicalFixtures.diagnosisResolved;
import static org.caserecord.domain.casefile.ClinicalFixtures.educationProvided;
import static org.caserecord.domain.casefile.ClinicalFixtures.entryAmended;
import static org.caserecord.domain.casefile.ClinicalFixtures.existingGoal;
import static org.caserecord.domain.casefile.ClinicalFixtures.familyMemberAdded;
import static org.caserecord.domain.casefile.ClinicalFixtures.firstPlanSet;
import static org.caserecord.domain.casefile.ClinicalFixtures.followUpCompleted;
import static org.caserecord.domain.casefile.ClinicalFixtures.followUpScheduled;
import static org.caserecord.domain.casefile.ClinicalFixtures.goal;
import static org.caserecord.domain.casefile.ClinicalFixtures.goalProgressRecorded;
import static org.caserecord.domain.casefile.ClinicalFixtures.newGoal;
import static org.caserecord.domain.casefile.ClinicalFixtures.primaryDiagnosisRecorded;
import static org.caserecord.domain.casefile.ClinicalFixtures.providerReportReceived;
import static org.caserecord.domain.casefile.ClinicalFixtures.reassignCaseManager;
import static org.caserecord.domain.casefile.ClinicalFixtures.recordAssessment;
import static org.caserecord.domain.casefile.ClinicalFixtures.recordConsent;
import static org.caserecord.domain.casefile.ClinicalFixtures.recordDiagnosis;
import static org.caserecord.domain.casefile.ClinicalFixtures.recordEducation;
import static org.caserecord.domain.casefile.ClinicalFixtures.recordGoalProgress;
import static org.caserecord.domain.casefile.ClinicalFixtures.recordProviderReport;
import static org.caserecord.domain.casefile.ClinicalFixtures.resolveDiagnosis;
import static org.caserecord.domain.casefile.ClinicalFixtures.revokeConsent;
import static org.caserecord.domain.casefile.ClinicalFixtures.scheduleFollowUp;
import static org.caserecord.domain.casefile.ClinicalFixtures.secondPlanWithoutMoodGoalSet;
import static org.caserecord.domain.casefile.ClinicalFixtures.setTreatmentPlan;
import static org.caserecord.domain.casefile.ClinicalFixtures.treatmentPlanSet;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.caserecord.domain.commands.AddReferral;
import org.caserecord.domain.commands.CloseCase;
import org.caserecord.domain.commands.AddCoverage;
import org.caserecord.domain.commands.DecideReimbursement;
import org.caserecord.domain.commands.EndCoverage;
import org.caserecord.domain.commands.FileReimbursementRequest;
import org.caserecord.domain.commands.GrantEmergencyAccess;
import org.caserecord.domain.commands.RecordDisclosure;
import org.caserecord.domain.commands.PlaceLegalHold;
import org.caserecord.domain.commands.ReleaseLegalHold;
import org.caserecord.domain.commands.DisposeCaseRecord;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.RecordReferralOutcome;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.commands.SetTreatmentPlan;
import org.caserecord.domain.commands.TreatmentPlanResult;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.errors.CaseRejection;
import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.commands.RevokeConsent;
import org.caserecord.domain.model.EntryType;
import org.caserecord.domain.model.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clinical-record rules of the CaseFile: assessments, diagnoses, the treatment plan and
 * goal progress, provider reports, follow-ups, education, family, consent, reassignment and
 * amendments. The case opened on 2026-03-01 with case manager "ada"; "now" is
 * 2026-03-10T15:00Z (see {@link CaseFixtures}).
 */
class CaseFileClinicalRecordTest {

    private static final String REASSIGNMENT_REASON = "ada on extended leave";

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static CaseRejection rejection(CaseErrorCode code, String field) {
        return new CaseRejection(code, field);
    }

    @Nested
    class Assessments {

        @Test
        void recordingAnAssessmentRecordsAssessmentRecordedAndAnswersTheNewVersion() {
            fixture.given(caseOpened())
                    .when(recordAssessment(AssessmentType.INTAKE, AN_HOUR_AGO, null))
                    .expectEvents(assessmentRecorded(AssessmentType.INTAKE, AN_HOUR_AGO, null))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aRiskAssessmentStatingItsRiskLevelIsRecorded() {
            fixture.given(caseOpened())
                    .when(recordAssessment(AssessmentType.RISK, AN_HOUR_AGO, RiskLevel.HIGH))
                    .expectEvents(assessmentRecorded(AssessmentType.RISK, AN_HOUR_AGO, RiskLevel.HIGH));
        }

        @Test
        void aRiskAssessmentMustStateTheRiskLevel() {
            fixture.given(caseOpened())
                    .when(recordAssessment(AssessmentType.RISK, AN_HOUR_AGO, null))
                    .expectException(CaseCommandRejected.class)
                    .expectExceptionDetails(rejection(CaseErrorCode.RISK_LEVEL_REQUIRED, "riskLevel"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = AssessmentType.class, names = "RISK", mode = EnumSource.Mode.EXCLUDE)
        void otherAssessmentsNeedNoRiskLevel(AssessmentType type) {
            fixture.given(caseOpened())
                    .when(recordAssessment(type, AN_HOUR_AGO, null))
                    .expectEvents(assessmentRecorded(type, AN_HOUR_AGO, null));
        }

        @Test
        void cannotRecordAnAssessmentThatLiesInTheFuture() {
            fixture.given(caseOpened())
                    .when(recordAssessment(AssessmentType.NEEDS, IN_TWO_HOURS, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "occurredAt"))
                    .expectNoEvents();
        }

        @Test
        void assessmentIdsAreUniqueWithinACase() {
            fixture.given(caseOpened(), assessmentRecorded(AssessmentType.INTAKE, AN_HOUR_AGO, null))
                    .when(recordAssessment(AssessmentType.NEEDS, AN_HOUR_AGO, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "assessmentId"))
                    .expectNoEvents();
        }

        @Test
        void anAssessmentCannotTakeTheIdOfAnotherEntry() {
            fixture.given(caseOpened(), meetingRecorded(AN_HOUR_AGO, 45))
                    .when(recordAssessment(MEETING_ID, AssessmentType.INTAKE, AN_HOUR_AGO, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "assessmentId"))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordAnAssessmentOnAClosedCase() {
            fixture.given(caseOpened(), caseClosed())
                    .when(recordAssessment(AssessmentType.INTAKE, AN_HOUR_AGO, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.CASE_CLOSED, null))
                    .expectNoEvents();
        }
    }

    @Nested
    class Diagnoses {

        @ParameterizedTest
        @ValueSource(strings = {"F32.1", "F43.10", "Z63.0", "F20", "T74.11XA"})
        void wellFormedIcd10CmCodesAreAccepted(String code) {
            fixture.given(caseOpened())
                    .when(recordDiagnosis(DIAGNOSIS_ID, code, true, DIAGNOSED_ON))
                    .expectEvents(diagnosisRecorded(DIAGNOSIS_ID, code, true, DIAGNOSED_ON))
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"f32.1", "F3", "U07.1", "F32.", "F32.12345", "32.1"})
        void malformedCodesAreRefused(String code) {
            fixture.given(caseOpened())
                    .when(recordDiagnosis(DIAGNOSIS_ID, code, true, DIAGNOSED_ON))
                    .expectExceptionDetails(rejection(CaseErrorCode.INVALID_DIAGNOSIS_CODE, "code"))
                    .expectNoEvents();
        }

        @Test
        void aSecondActivePrimaryDiagnosisIsRefused() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(recordDiagnosis(SECOND_DIAGNOSIS_ID, "F43.10", true, DIAGNOSED_ON))
                    .expectExceptionDetails(rejection(CaseErrorCode.PRIMARY_DIAGNOSIS_EXISTS, "primary"))
                    .expectNoEvents();
        }

        @Test
        void aNewPrimaryDiagnosisIsAllowedOnceThePreviousOneIsResolved() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded(), diagnosisResolved(DIAGNOSIS_ID, TODAY))
                    .when(recordDiagnosis(SECOND_DIAGNOSIS_ID, "F43.10", true, TODAY))
                    .expectEvents(diagnosisRecorded(SECOND_DIAGNOSIS_ID, "F43.10", true, TODAY))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aSecondaryDiagnosisMayStandBesideThePrimary() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(recordDiagnosis(SECOND_DIAGNOSIS_ID, "Z63.0", false, DIAGNOSED_ON))
                    .expectEvents(diagnosisRecorded(SECOND_DIAGNOSIS_ID, "Z63.0", false, DIAGNOSED_ON));
        }

        @Test
        void aDiagnosisMadeTodayIsRecorded() {
            fixture.given(caseOpened())
                    .when(recordDiagnosis(DIAGNOSIS_ID, "F32.1", true, TODAY))
                    .expectEvents(diagnosisRecorded(DIAGNOSIS_ID, "F32.1", true, TODAY));
        }

        @Test
        void cannotRecordADiagnosisMadeInTheFuture() {
            fixture.given(caseOpened())
                    .when(recordDiagnosis(DIAGNOSIS_ID, "F32.1", true, TOMORROW))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "diagnosedOn"))
                    .expectNoEvents();
        }

        @Test
        void diagnosisIdsAreUniqueWithinACase() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(recordDiagnosis(DIAGNOSIS_ID, "Z63.0", false, DIAGNOSED_ON))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "diagnosisId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ResolvingDiagnoses {

        @Test
        void resolvingAnActiveDiagnosisRecordsDiagnosisResolved() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(resolveDiagnosis(DIAGNOSIS_ID, TODAY))
                    .expectEvents(diagnosisResolved(DIAGNOSIS_ID, TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aDiagnosisMayBeResolvedOnTheDayItWasMade() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(resolveDiagnosis(DIAGNOSIS_ID, DIAGNOSED_ON))
                    .expectEvents(diagnosisResolved(DIAGNOSIS_ID, DIAGNOSED_ON));
        }

        @Test
        void resolvingAnUnknownDiagnosisIsNotFound() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(resolveDiagnosis(UNKNOWN_ID, TODAY))
                    .expectExceptionDetails(rejection(CaseErrorCode.DIAGNOSIS_NOT_FOUND, "diagnosisId"))
                    .expectNoEvents();
        }

        @Test
        void aDiagnosisCannotBeResolvedTwice() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded(), diagnosisResolved(DIAGNOSIS_ID, TODAY))
                    .when(resolveDiagnosis(DIAGNOSIS_ID, TODAY))
                    .expectExceptionDetails(rejection(CaseErrorCode.DIAGNOSIS_ALREADY_RESOLVED, null))
                    .expectNoEvents();
        }

        @Test
        void aDiagnosisCannotBeResolvedBeforeItWasMade() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(resolveDiagnosis(DIAGNOSIS_ID, DIAGNOSED_ON.minusDays(1)))
                    .expectExceptionDetails(rejection(CaseErrorCode.RESOLVED_BEFORE_DIAGNOSED, "resolvedOn"))
                    .expectNoEvents();
        }

        @Test
        void aDiagnosisCannotBeResolvedInTheFuture() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(resolveDiagnosis(DIAGNOSIS_ID, TOMORROW))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "resolvedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class TreatmentPlans {

        @Test
        void aNewGoalCannotTakeTheIdOfAGoalDroppedFromAnEarlierPlan() {
            fixture.given(caseOpened(), firstPlanSet(), secondPlanWithoutMoodGoalSet())
                    .when(setTreatmentPlan(newGoal(MOOD_GOAL_ID, "a different goal")))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "goals[0].goalId"))
                    .expectNoEvents();
        }

        @Test
        void theFirstPlanIsVersionOneWithItsNewGoalsAndAnswersBothVersions() {
            fixture.given(caseOpened())
                    .when(setTreatmentPlan(newGoal(HOUSING_GOAL_ID, "stable housing"),
                            newGoal(MOOD_GOAL_ID, "fewer low days")))
                    .expectEvents(treatmentPlanSet(1, goal(HOUSING_GOAL_ID, "stable housing"),
                            goal(MOOD_GOAL_ID, "fewer low days")))
                    .expectResultMessagePayload(new TreatmentPlanResult(1, 1L));
        }

        @Test
        void aRevisedPlanIsTheNextVersionAndKeepsTheIdsOfGoalsCarriedOver() {
            fixture.given(caseOpened(), firstPlanSet())
                    .when(setTreatmentPlan(existingGoal(HOUSING_GOAL_ID, "stable housing by summer"),
                            newGoal(WORK_GOAL_ID, "part-time work")))
                    .expectEvents(treatmentPlanSet(2, goal(HOUSING_GOAL_ID, "stable housing by summer"),
                            goal(WORK_GOAL_ID, "part-time work")))
                    .expectResultMessagePayload(new TreatmentPlanResult(2, 2L));
        }

        @Test
        void aPlanCannotCarryOverAGoalThatIsNotInTheCurrentPlan() {
            fixture.given(caseOpened(), firstPlanSet())
                    .when(setTreatmentPlan(newGoal(WORK_GOAL_ID, "part-time work"),
                            existingGoal(UNKNOWN_ID, "a goal nobody set")))
                    .expectExceptionDetails(rejection(CaseErrorCode.UNKNOWN_GOAL_IN_PLAN, "goals[1].goalId"))
                    .expectNoEvents();
        }

        @Test
        void aGoalDroppedFromThePlanCannotBeCarriedOverLater() {
            fixture.given(caseOpened(), firstPlanSet(), secondPlanWithoutMoodGoalSet())
                    .when(setTreatmentPlan(existingGoal(MOOD_GOAL_ID, "fewer low days")))
                    .expectExceptionDetails(rejection(CaseErrorCode.UNKNOWN_GOAL_IN_PLAN, "goals[0].goalId"))
                    .expectNoEvents();
        }

        @Test
        void theFirstPlanHasNoGoalsToCarryOver() {
            fixture.given(caseOpened())
                    .when(setTreatmentPlan(existingGoal(HOUSING_GOAL_ID, "stable housing")))
                    .expectExceptionDetails(rejection(CaseErrorCode.UNKNOWN_GOAL_IN_PLAN, "goals[0].goalId"))
                    .expectNoEvents();
        }

        @Test
        void aPlanCannotCarryOverTheSameGoalTwice() {
            fixture.given(caseOpened(), firstPlanSet())
                    .when(setTreatmentPlan(existingGoal(HOUSING_GOAL_ID, "stable housing"),
                            existingGoal(HOUSING_GOAL_ID, "stable housing by summer")))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_GOAL_IN_PLAN, "goals[1].goalId"))
                    .expectNoEvents();
        }

        @Test
        void twoNewGoalsCannotShareAnId() {
            fixture.given(caseOpened())
                    .when(setTreatmentPlan(newGoal(WORK_GOAL_ID, "part-time work"),
                            newGoal(WORK_GOAL_ID, "volunteer placement")))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_GOAL_IN_PLAN, "goals[1].goalId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "   ")
        void everyGoalNeedsADescription(String description) {
            fixture.given(caseOpened())
                    .when(setTreatmentPlan(newGoal(HOUSING_GOAL_ID, description)))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "goals[0].description"))
                    .expectNoEvents();
        }

        @Test
        void aNewGoalNeedsAnId() {
            fixture.given(caseOpened())
                    .when(setTreatmentPlan(newGoal(HOUSING_GOAL_ID, "stable housing"), newGoal(null, "work")))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "goals[1].goalId"))
                    .expectNoEvents();
        }

        @Test
        void aPlanNeedsItsListOfGoals() {
            fixture.given(caseOpened())
                    .when(new SetTreatmentPlan(CASE_ID, null, INTERVENTIONS, REVIEW_BY, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "goals"))
                    .expectNoEvents();
        }
    }

    @Nested
    class GoalProgress {

        @Test
        void progressOnAGoalOfTheCurrentPlanIsRecorded() {
            fixture.given(caseOpened(), firstPlanSet())
                    .when(recordGoalProgress(HOUSING_GOAL_ID, AN_HOUR_AGO))
                    .expectEvents(goalProgressRecorded(HOUSING_GOAL_ID, AN_HOUR_AGO))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void progressOnAGoalDroppedFromTheCurrentPlanIsNotFound() {
            fixture.given(caseOpened(), firstPlanSet(), secondPlanWithoutMoodGoalSet())
                    .when(recordGoalProgress(MOOD_GOAL_ID, AN_HOUR_AGO))
                    .expectExceptionDetails(rejection(CaseErrorCode.GOAL_NOT_FOUND, "goalId"))
                    .expectNoEvents();
        }

        @Test
        void progressOnAnUnknownGoalIsNotFound() {
            fixture.given(caseOpened(), firstPlanSet())
                    .when(recordGoalProgress(UNKNOWN_ID, AN_HOUR_AGO))
                    .expectExceptionDetails(rejection(CaseErrorCode.GOAL_NOT_FOUND, "goalId"))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordProgressThatLiesInTheFuture() {
            fixture.given(caseOpened(), firstPlanSet())
                    .when(recordGoalProgress(HOUSING_GOAL_ID, IN_TWO_HOURS))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "occurredAt"))
                    .expectNoEvents();
        }

        @Test
        void progressIdsAreUniqueWithinACase() {
            fixture.given(caseOpened(), firstPlanSet(), goalProgressRecorded(HOUSING_GOAL_ID, AN_HOUR_AGO))
                    .when(recordGoalProgress(MOOD_GOAL_ID, AN_HOUR_AGO))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "progressId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ProviderReports {

        private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
        private static final LocalDate MARCH_8 = LocalDate.of(2026, 3, 8);

        @Test
        void receivingAProviderReportRecordsProviderReportReceived() {
            fixture.given(caseOpened())
                    .when(recordProviderReport(TODAY, MARCH_1, MARCH_8))
                    .expectEvents(providerReportReceived(TODAY, MARCH_1, MARCH_8))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aReportPeriodCannotEndBeforeItStarts() {
            fixture.given(caseOpened())
                    .when(recordProviderReport(TODAY, MARCH_8, MARCH_1))
                    .expectExceptionDetails(rejection(CaseErrorCode.PERIOD_ENDS_BEFORE_IT_STARTS, "periodTo"))
                    .expectNoEvents();
        }

        @Test
        void aReportCoveringASingleDayIsRecorded() {
            fixture.given(caseOpened())
                    .when(recordProviderReport(TODAY, MARCH_8, MARCH_8))
                    .expectEvents(providerReportReceived(TODAY, MARCH_8, MARCH_8));
        }

        @Test
        void aReportCannotBeReceivedInTheFuture() {
            fixture.given(caseOpened())
                    .when(recordProviderReport(TOMORROW, MARCH_1, MARCH_8))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "receivedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class FollowUps {

        @Test
        void schedulingAFollowUpRecordsFollowUpScheduled() {
            fixture.given(caseOpened())
                    .when(scheduleFollowUp())
                    .expectEvents(followUpScheduled())
                    .expectResultMessagePayload(1L);
        }

        @Test
        void completingAScheduledFollowUpRecordsFollowUpCompleted() {
            fixture.given(caseOpened(), followUpScheduled())
                    .when(completeFollowUp(FOLLOW_UP_ID, AN_HOUR_AGO))
                    .expectEvents(followUpCompleted(FOLLOW_UP_ID, AN_HOUR_AGO))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aFollowUpCannotBeCompletedTwice() {
            fixture.given(caseOpened(), followUpScheduled(), followUpCompleted(FOLLOW_UP_ID, AN_HOUR_AGO))
                    .when(completeFollowUp(FOLLOW_UP_ID, AN_HOUR_AGO))
                    .expectExceptionDetails(rejection(CaseErrorCode.FOLLOW_UP_ALREADY_COMPLETED, null))
                    .expectNoEvents();
        }

        @Test
        void completingAnUnknownFollowUpIsNotFound() {
            fixture.given(caseOpened(), followUpScheduled())
                    .when(completeFollowUp(UNKNOWN_ID, AN_HOUR_AGO))
                    .expectExceptionDetails(rejection(CaseErrorCode.FOLLOW_UP_NOT_FOUND, "followUpId"))
                    .expectNoEvents();
        }

        @Test
        void aFollowUpCannotBeCompletedInTheFuture() {
            fixture.given(caseOpened(), followUpScheduled())
                    .when(completeFollowUp(FOLLOW_UP_ID, IN_TWO_HOURS))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "occurredAt"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Education {

        @Test
        void educationProvidedIsRecorded() {
            fixture.given(caseOpened())
                    .when(recordEducation("recognising warning signs"))
                    .expectEvents(educationProvided("recognising warning signs"))
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void educationNeedsATopic(String topic) {
            fixture.given(caseOpened())
                    .when(recordEducation(topic))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "topic"))
                    .expectNoEvents();
        }
    }

    @Nested
    class FamilyMembers {

        @Test
        void addingAFamilyMemberRecordsFamilyMemberAdded() {
            fixture.given(caseOpened())
                    .when(addFamilyMember("Maria Rivera", "mother"))
                    .expectEvents(familyMemberAdded("Maria Rivera", "mother"))
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aFamilyMemberNeedsAName(String name) {
            fixture.given(caseOpened())
                    .when(addFamilyMember(name, "mother"))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "name"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aFamilyMemberNeedsARelationship(String relationship) {
            fixture.given(caseOpened())
                    .when(addFamilyMember("Maria Rivera", relationship))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "relationship"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Consents {

        private static final LocalDate GRANTED_ON = LocalDate.of(2026, 3, 2);

        @Test
        void aConsentCannotBeRevokedOnAFutureDate() {
            fixture.given(caseOpened(), consentRecorded(GRANTED_ON, null))
                    .when(new RevokeConsent(CASE_ID, CONSENT_ID, TOMORROW, null))
                    .expectExceptionDetails(rejection(CaseErrorCode.DATE_IN_FUTURE, "revokedOn"))
                    .expectNoEvents();
        }

        @Test
        void aConsentCannotBeRevokedBeforeItWasGranted() {
            fixture.given(caseOpened(), consentRecorded(GRANTED_ON, null))
                    .when(new RevokeConsent(CASE_ID, CONSENT_ID,
                            GRANTED_ON.minusDays(1), null))
                    .expectExceptionDetails(rejection(CaseErrorCode.VALIDITY_ENDS_BEFORE_GRANT, "revokedOn"))
                    .expectNoEvents();
        }

        @Test
        void recordingAConsentRecordsConsentRecorded() {
            fixture.given(caseOpened())
                    .when(recordConsent(GRANTED_ON, GRANTED_ON.plusYears(1)))
                    .expectEvents(consentRecorded(GRANTED_ON, GRANTED_ON.plusYears(1)))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aConsentWithoutAnEndDateIsRecorded() {
            fixture.given(caseOpened())
                    .when(recordConsent(GRANTED_ON, null))
                    .expectEvents(consentRecorded(GRANTED_ON, null));
        }

        @Test
        void aConsentValidOnlyOnTheDayItWasGrantedIsRecorded() {
            fixture.given(caseOpened())
                    .when(recordConsent(GRANTED_ON, GRANTED_ON))
                    .expectEvents(consentRecorded(GRANTED_ON, GRANTED_ON));
        }

        @Test
        void aConsentCannotExpireBeforeItWasGranted() {
            fixture.given(caseOpened())
                    .when(recordConsent(GRANTED_ON, GRANTED_ON.minusDays(1)))
                    .expectExceptionDetails(rejection(CaseErrorCode.VALIDITY_ENDS_BEFORE_GRANT, "validUntil"))
                    .expectNoEvents();
        }

        @Test
        void revokingAConsentRecordsConsentRevoked() {
            fixture.given(caseOpened(), consentRecorded(GRANTED_ON, null))
                    .when(revokeConsent(CONSENT_ID))
                    .expectEvents(consentRevoked(CONSENT_ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aConsentCannotBeRevokedTwice() {
            fixture.given(caseOpened(), consentRecorded(GRANTED_ON, null), consentRevoked(CONSENT_ID))
                    .when(revokeConsent(CONSENT_ID))
                    .expectExceptionDetails(rejection(CaseErrorCode.CONSENT_ALREADY_REVOKED, null))
                    .expectNoEvents();
        }

        @Test
        void revokingAnUnknownConsentIsNotFound() {
            fixture.given(caseOpened(), consentRecorded(GRANTED_ON, null))
                    .when(revokeConsent(UNKNOWN_ID))
                    .expectExceptionDetails(rejection(CaseErrorCode.CONSENT_NOT_FOUND, "consentId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reassignment {

        @Test
        void reassigningToAnotherManagerNamesThePreviousOne() {
            fixture.given(caseOpened())
                    .when(reassignCaseManager("grace", REASSIGNMENT_REASON))
                    .expectEvents(caseManagerReassigned("ada", "grace", REASSIGNMENT_REASON))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotReassignToTheManagerAlreadyAssigned() {
            fixture.given(caseOpened())
                    .when(reassignCaseManager("ada", REASSIGNMENT_REASON))
                    .expectExceptionDetails(rejection(CaseErrorCode.ALREADY_ASSIGNED, "caseManagerId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void reassignmentNeedsAReason(String reason) {
            fixture.given(caseOpened())
                    .when(reassignCaseManager("grace", reason))
                    .expectExceptionDetails(rejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }

        @Test
        void afterAReassignmentTheCaseCanGoBackToItsFirstManager() {
            fixture.given(caseOpened(), caseManagerReassigned("ada", "grace", REASSIGNMENT_REASON))
                    .when(reassignCaseManager("ada", "ada is back"))
                    .expectEvents(caseManagerReassigned("grace", "ada", "ada is back"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void afterAReassignmentTheNewManagerIsTheOneAssigned() {
            fixture.given(caseOpened(), caseManagerReassigned("ada", "grace", REASSIGNMENT_REASON))
                    .when(reassignCaseManager("grace", "again"))
                    .expectExceptionDetails(rejection(CaseErrorCode.ALREADY_ASSIGNED, "caseManagerId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Amendments {

        @Test
        void anAmendmentIdIsUsedOnlyOnce() {
            fixture.given(caseOpened(), meetingRecorded(CaseFixtures.NOW.minusSeconds(600), 30),
                            entryAmended(MEETING_ID, EntryType.MEETING))
                    .when(amendEntry(MEETING_ID))
                    .expectExceptionDetails(rejection(CaseErrorCode.DUPLICATE_ENTRY, "amendmentId"))
                    .expectNoEvents();
        }

        @Test
        void amendingAMeetingRecordsAnAmendmentOfAMeeting() {
            fixture.given(caseOpened(), meetingRecorded(AN_HOUR_AGO, 45))
                    .when(amendEntry(MEETING_ID))
                    .expectEvents(entryAmended(MEETING_ID, EntryType.MEETING))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void amendingAnAssessmentRecordsAnAmendmentOfAnAssessment() {
            fixture.given(caseOpened(), assessmentRecorded(AssessmentType.INTAKE, AN_HOUR_AGO, null))
                    .when(amendEntry(ASSESSMENT_ID))
                    .expectEvents(entryAmended(ASSESSMENT_ID, EntryType.ASSESSMENT));
        }

        @Test
        void amendingAReferralRecordsAnAmendmentOfAReferral() {
            fixture.given(caseOpened(), referralAdded())
                    .when(amendEntry(REFERRAL_ID))
                    .expectEvents(entryAmended(REFERRAL_ID, EntryType.REFERRAL));
        }

        @Test
        void amendingADiagnosisRecordsAnAmendmentOfADiagnosis() {
            fixture.given(caseOpened(), primaryDiagnosisRecorded())
                    .when(amendEntry(DIAGNOSIS_ID))
                    .expectEvents(entryAmended(DIAGNOSIS_ID, EntryType.DIAGNOSIS));
        }

        @Test
        void amendingAnUnknownEntryIsNotFound() {
            fixture.given(caseOpened(), meetingRecorded(AN_HOUR_AGO, 45))
                    .when(amendEntry(UNKNOWN_ID))
                    .expectExceptionDetails(rejection(CaseErrorCode.ENTRY_NOT_FOUND, "entryId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void anAmendmentNeedsText(String text) {
            fixture.given(caseOpened(), meetingRecorded(AN_HOUR_AGO, 45))
                    .when(amendEntry(MEETING_ID, text, AMENDMENT_REASON))
                    .expectExceptionDetails(rejection(CaseErrorCode.REQUIRED_FIELD_MISSING, "text"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void anAmendmentNeedsAReason(String reason) {
            fixture.given(caseOpened(), meetingRecorded(AN_HOUR_AGO, 45))
                    .when(amendEntry(MEETING_ID, CORRECTED_TEXT, reason))
                    .expectExceptionDetails(rejection(CaseErrorCode.REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ClosedCase {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.caserecord.domain.casefile.ClinicalFixtures#clinicalRecordCommands")
        void everyClinicalRecordCommandIsRefusedOnAClosedCase(Object command) {
            fixture.given(caseOpened(), caseClosed())
                    .when(command)
                    .expectException(CaseCommandRejected.class)
                    .expectExceptionDetails(rejection(CaseErrorCode.CASE_CLOSED, null))
                    .expectNoEvents();
        }

        /**
         * Keeps the test above honest: a new command handler must join its list, unless a closed
         * case allows it (disclosures, see {@link CaseFileDisclosureTest}).
         */
        @Test
        void theClosedCaseListNamesEveryClinicalRecordCommand() {
            Set<Class<?>> coveredByCaseFileTest = Set.of(RecordMeeting.class, AddReferral.class,
                    RecordReferralOutcome.class, CloseCase.class, ReopenCase.class);
            Set<Class<?>> allowedOnAClosedCase = Set.of(RecordDisclosure.class, GrantEmergencyAccess.class,
                    AddCoverage.class, EndCoverage.class, FileReimbursementRequest.class, DecideReimbursement.class,
                    PlaceLegalHold.class, ReleaseLegalHold.class, DisposeCaseRecord.class);
            Set<Class<?>> handled = Arrays.stream(CaseFile.class.getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(CommandHandler.class))
                    .map(Method::getParameterTypes)
                    .map(parameterTypes -> parameterTypes[0])
                    .filter(commandType -> !coveredByCaseFileTest.contains(commandType))
                    .filter(commandType -> !allowedOnAClosedCase.contains(commandType))
                    .collect(Collectors.toSet());
            Set<Class<?>> listed = ClinicalFixtures.clinicalRecordCommands()
                    .map(Named::getPayload)
                    .map(Object::getClass)
                    .collect(Collectors.toSet());

            assertThat(listed).hasSize(17).isEqualTo(handled);
        }
    }
}
