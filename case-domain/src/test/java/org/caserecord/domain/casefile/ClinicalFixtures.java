package org.caserecord.domain.casefile;

import static org.caserecord.domain.casefile.CaseFixtures.CASE_ID;
import static org.caserecord.domain.casefile.CaseFixtures.MEETING_ID;
import static org.caserecord.domain.casefile.CaseFixtures.NOW;
import static org.caserecord.domain.casefile.CaseFixtures.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.caserecord.domain.commands.CancelScheduledMeeting;
import org.caserecord.domain.commands.RecordNoShow;
import org.caserecord.domain.commands.ScheduleMeeting;
import org.caserecord.domain.commands.AddFamilyMember;
import org.caserecord.domain.commands.AmendEntry;
import org.caserecord.domain.commands.CompleteFollowUp;
import org.caserecord.domain.commands.PlannedGoal;
import org.caserecord.domain.commands.ReassignCaseManager;
import org.caserecord.domain.commands.RecordAssessment;
import org.caserecord.domain.commands.RecordConsent;
import org.caserecord.domain.commands.RecordDiagnosis;
import org.caserecord.domain.commands.RecordDisclosure;
import org.caserecord.domain.commands.RecordEducationProvided;
import org.caserecord.domain.commands.RecordGoalProgress;
import org.caserecord.domain.commands.RecordProviderReport;
import org.caserecord.domain.commands.ResolveDiagnosis;
import org.caserecord.domain.commands.RevokeConsent;
import org.caserecord.domain.commands.ScheduleFollowUp;
import org.caserecord.domain.commands.SetTreatmentPlan;
import org.caserecord.domain.events.AssessmentRecorded;
import org.caserecord.domain.events.CaseManagerReassigned;
import org.caserecord.domain.events.ConsentRecorded;
import org.caserecord.domain.events.ConsentRevoked;
import org.caserecord.domain.events.DiagnosisRecorded;
import org.caserecord.domain.events.DiagnosisResolved;
import org.caserecord.domain.events.DisclosureRecorded;
import org.caserecord.domain.events.EducationProvided;
import org.caserecord.domain.events.EntryAmended;
import org.caserecord.domain.events.FamilyMemberAdded;
import org.caserecord.domain.events.FollowUpCompleted;
import org.caserecord.domain.events.FollowUpScheduled;
import org.caserecord.domain.events.GoalProgressRecorded;
import org.caserecord.domain.events.ProviderReportReceived;
import org.caserecord.domain.events.TreatmentPlanSet;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.ConsentScope;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.EducationFormat;
import org.caserecord.domain.model.EducationRecipient;
import org.caserecord.domain.model.EntryType;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.Intervention;
import org.caserecord.domain.model.ProgressRating;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.Recipient;
import org.caserecord.domain.model.RiskLevel;
import org.caserecord.domain.model.TreatmentGoal;
import org.junit.jupiter.api.Named;

/**
 * Test data for the clinical record of a CaseFile: fixed ids, times relative to
 * {@link CaseFixtures#NOW}, and commands with the events they should produce. Each command
 * factory has a twin event factory with the same arguments, so a test reads as
 * "when this, expect that".
 */
final class ClinicalFixtures {

    static final Instant AN_HOUR_AGO = NOW.minus(Duration.ofHours(1));
    /** Well beyond the clock skew the aggregate tolerates. */
    static final Instant IN_TWO_HOURS = NOW.plus(Duration.ofHours(2));
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    /** After the case opened (2026-03-01), before {@link CaseFixtures#TODAY}. */
    static final LocalDate DIAGNOSED_ON = LocalDate.of(2026, 3, 5);

    static final UUID ASSESSMENT_ID = UUID.fromString("0b6d2a61-5a0e-4c1f-8f3b-7e2d9c4a1b01");
    static final UUID DIAGNOSIS_ID = UUID.fromString("1c7e3b72-6b1f-4d20-9a4c-8f3eab5b2c02");
    static final UUID SECOND_DIAGNOSIS_ID = UUID.fromString("2d8f4c83-7c20-4e31-ab5d-9a4fbc6c3d03");
    static final UUID HOUSING_GOAL_ID = UUID.fromString("3e905d94-8d31-4f42-bc6e-ab50cd7d4e04");
    static final UUID MOOD_GOAL_ID = UUID.fromString("4fa16ea5-9e42-4053-8d7f-bc61de8e5f05");
    static final UUID WORK_GOAL_ID = UUID.fromString("50b27fb6-af53-4164-9e80-cd72ef9f6006");
    static final UUID PROGRESS_ID = UUID.fromString("61c380c7-b064-4275-af91-de830fa07107");
    static final UUID REPORT_ID = UUID.fromString("72d491d8-c175-4386-b0a2-ef9410b18208");
    static final UUID FOLLOW_UP_ID = UUID.fromString("83e5a2e9-d286-4497-81b3-f0a521c29309");
    static final UUID EDUCATION_ID = UUID.fromString("94f6b3fa-e397-45a8-92c4-01b632d3a40a");
    static final UUID MEMBER_ID = UUID.fromString("a507c40b-f4a8-46b9-a3d5-12c743e4b50b");
    static final UUID CONSENT_ID = UUID.fromString("b618d51c-05b9-47ca-b4e6-23d854f5c60c");
    static final UUID AMENDMENT_ID = UUID.fromString("c729e62d-16ca-48db-85f7-34e96506d70d");
    static final UUID DISCLOSURE_ID = UUID.fromString("e94b084f-38ec-4afd-a7a9-56ab8728f90f");
    static final UUID EXPORT_ID = UUID.fromString("fa5c1950-49fd-4b0e-b8ba-67bc9839a010");
    /** An id the case has never seen. */
    static final UUID UNKNOWN_ID = UUID.fromString("d83af73e-27db-49ec-96a8-45fa7617e80e");

    static final Provider COUNSELING = new Provider("Harbor Counseling Center", "COUNSELING");
    static final List<Intervention> INTERVENTIONS = List.of(new Intervention("CBT sessions", COUNSELING, "weekly"));
    static final LocalDate REVIEW_BY = LocalDate.of(2026, 6, 10);
    static final LocalDate GOAL_TARGET = LocalDate.of(2026, 9, 1);

    /** After the case opened (2026-03-01), before {@link CaseFixtures#TODAY}. */
    static final LocalDate DISCLOSED_ON = LocalDate.of(2026, 3, 9);
    static final Recipient CONSERVATOR = new Recipient("Dana Whitfield", "County Public Conservator",
            "1 Civic Plaza, Springfield");
    static final String DISCLOSED_RECORDS = "complete case file";
    static final String LEGAL_BASIS = "conservatorship order 2026-PR-0113";

    static final String CORRECTED_TEXT = "The meeting lasted 60 minutes, not 45.";
    static final String AMENDMENT_REASON = "typing error";

    private ClinicalFixtures() {
    }

    // --- assessments ------------------------------------------------------------------------

    static RecordAssessment recordAssessment(AssessmentType type, Instant occurredAt, RiskLevel riskLevel) {
        return recordAssessment(ASSESSMENT_ID, type, occurredAt, riskLevel);
    }

    static RecordAssessment recordAssessment(UUID assessmentId, AssessmentType type, Instant occurredAt,
            RiskLevel riskLevel) {
        return new RecordAssessment(CASE_ID, assessmentId, type, occurredAt, "withdrawn, sleeping poorly",
                List.of("housing", "income"), riskLevel, null);
    }

    static AssessmentRecorded assessmentRecorded(AssessmentType type, Instant occurredAt, RiskLevel riskLevel) {
        return new AssessmentRecorded(CASE_ID, ASSESSMENT_ID, type, occurredAt, "withdrawn, sleeping poorly",
                List.of("housing", "income"), riskLevel);
    }

    // --- diagnoses --------------------------------------------------------------------------

    static RecordDiagnosis recordDiagnosis(UUID diagnosisId, String code, boolean primary, LocalDate diagnosedOn) {
        return new RecordDiagnosis(CASE_ID, diagnosisId, code, "as coded", primary, "dr-okafor", diagnosedOn, null);
    }

    static DiagnosisRecorded diagnosisRecorded(UUID diagnosisId, String code, boolean primary,
            LocalDate diagnosedOn) {
        return new DiagnosisRecorded(CASE_ID, diagnosisId, code, "as coded", primary, "dr-okafor", diagnosedOn);
    }

    /** The case's first primary diagnosis, F32.1 made on {@link #DIAGNOSED_ON}. */
    static DiagnosisRecorded primaryDiagnosisRecorded() {
        return diagnosisRecorded(DIAGNOSIS_ID, "F32.1", true, DIAGNOSED_ON);
    }

    static ResolveDiagnosis resolveDiagnosis(UUID diagnosisId, LocalDate resolvedOn) {
        return new ResolveDiagnosis(CASE_ID, diagnosisId, resolvedOn, "in remission", null);
    }

    static DiagnosisResolved diagnosisResolved(UUID diagnosisId, LocalDate resolvedOn) {
        return new DiagnosisResolved(CASE_ID, diagnosisId, resolvedOn, "in remission");
    }

    // --- treatment plan and goal progress ---------------------------------------------------

    static PlannedGoal newGoal(UUID newGoalId, String description) {
        return new PlannedGoal(null, newGoalId, description, GOAL_TARGET);
    }

    static PlannedGoal existingGoal(UUID goalId, String description) {
        return new PlannedGoal(goalId, null, description, GOAL_TARGET);
    }

    static TreatmentGoal goal(UUID goalId, String description) {
        return new TreatmentGoal(goalId, description, GOAL_TARGET);
    }

    static SetTreatmentPlan setTreatmentPlan(PlannedGoal... goals) {
        return new SetTreatmentPlan(CASE_ID, List.of(goals), INTERVENTIONS, REVIEW_BY, null);
    }

    static TreatmentPlanSet treatmentPlanSet(int planVersion, TreatmentGoal... goals) {
        return new TreatmentPlanSet(CASE_ID, planVersion, List.of(goals), INTERVENTIONS, REVIEW_BY);
    }

    /** Plan version 1: a housing goal and a mood goal. */
    static TreatmentPlanSet firstPlanSet() {
        return treatmentPlanSet(1, goal(HOUSING_GOAL_ID, "stable housing"), goal(MOOD_GOAL_ID, "fewer low days"));
    }

    /** Plan version 2: the housing goal only; the mood goal is dropped. */
    static TreatmentPlanSet secondPlanWithoutMoodGoalSet() {
        return treatmentPlanSet(2, goal(HOUSING_GOAL_ID, "stable housing"));
    }

    static RecordGoalProgress recordGoalProgress(UUID goalId, Instant occurredAt) {
        return new RecordGoalProgress(CASE_ID, PROGRESS_ID, goalId, occurredAt, ProgressRating.SOME,
                "viewed two flats", null);
    }

    static GoalProgressRecorded goalProgressRecorded(UUID goalId, Instant occurredAt) {
        return new GoalProgressRecorded(CASE_ID, PROGRESS_ID, goalId, occurredAt, ProgressRating.SOME,
                "viewed two flats");
    }

    // --- provider reports -------------------------------------------------------------------

    static RecordProviderReport recordProviderReport(LocalDate receivedOn, LocalDate periodFrom,
            LocalDate periodTo) {
        return new RecordProviderReport(CASE_ID, REPORT_ID, COUNSELING, receivedOn, periodFrom, periodTo,
                "attended four sessions", null);
    }

    static ProviderReportReceived providerReportReceived(LocalDate receivedOn, LocalDate periodFrom,
            LocalDate periodTo) {
        return new ProviderReportReceived(CASE_ID, REPORT_ID, COUNSELING, receivedOn, periodFrom, periodTo,
                "attended four sessions");
    }

    // --- follow-ups -------------------------------------------------------------------------

    static ScheduleFollowUp scheduleFollowUp() {
        return new ScheduleFollowUp(CASE_ID, FOLLOW_UP_ID, TODAY.plusWeeks(2), "check the housing placement", null);
    }

    static FollowUpScheduled followUpScheduled() {
        return new FollowUpScheduled(CASE_ID, FOLLOW_UP_ID, TODAY.plusWeeks(2), "check the housing placement");
    }

    static CompleteFollowUp completeFollowUp(UUID followUpId, Instant occurredAt) {
        return new CompleteFollowUp(CASE_ID, followUpId, occurredAt, "settled in", true, null);
    }

    static FollowUpCompleted followUpCompleted(UUID followUpId, Instant occurredAt) {
        return new FollowUpCompleted(CASE_ID, followUpId, occurredAt, "settled in", true);
    }

    // --- education and family ---------------------------------------------------------------

    static RecordEducationProvided recordEducation(String topic) {
        return new RecordEducationProvided(CASE_ID, EDUCATION_ID, AN_HOUR_AGO, EducationRecipient.FAMILY_MEMBER,
                "Maria Rivera", topic, EducationFormat.WRITTEN, List.of("leaflet: living with depression"), null);
    }

    static EducationProvided educationProvided(String topic) {
        return new EducationProvided(CASE_ID, EDUCATION_ID, AN_HOUR_AGO, EducationRecipient.FAMILY_MEMBER,
                "Maria Rivera", topic, EducationFormat.WRITTEN, List.of("leaflet: living with depression"));
    }

    static AddFamilyMember addFamilyMember(String name, String relationship) {
        return new AddFamilyMember(CASE_ID, MEMBER_ID, name, relationship, "555-0101", true, null);
    }

    static FamilyMemberAdded familyMemberAdded(String name, String relationship) {
        return new FamilyMemberAdded(CASE_ID, MEMBER_ID, name, relationship, "555-0101", true);
    }

    // --- consent ----------------------------------------------------------------------------

    static RecordConsent recordConsent(LocalDate grantedOn, LocalDate validUntil) {
        return new RecordConsent(CASE_ID, CONSENT_ID, ConsentScope.SHARE_WITH_FAMILY, "Maria Rivera", grantedOn,
                validUntil, null);
    }

    static ConsentRecorded consentRecorded(LocalDate grantedOn, LocalDate validUntil) {
        return new ConsentRecorded(CASE_ID, CONSENT_ID, ConsentScope.SHARE_WITH_FAMILY, "Maria Rivera", grantedOn,
                validUntil);
    }

    static RevokeConsent revokeConsent(UUID consentId) {
        return new RevokeConsent(CASE_ID, consentId, TODAY, null);
    }

    static ConsentRevoked consentRevoked(UUID consentId) {
        return new ConsentRevoked(CASE_ID, consentId, TODAY);
    }

    // --- disclosures -----------------------------------------------------------------------

    static RecordDisclosure recordDisclosure(Recipient recipient, DisclosurePurpose purpose, String description,
            String legalBasis, LocalDate disclosedOn, UUID exportId, ExportFormat exportFormat) {
        return new RecordDisclosure(CASE_ID, DISCLOSURE_ID, recipient, purpose, description, legalBasis,
                disclosedOn, exportId, exportFormat, null);
    }

    static DisclosureRecorded disclosureRecorded(Recipient recipient, DisclosurePurpose purpose,
            String description, String legalBasis, LocalDate disclosedOn, UUID exportId,
            ExportFormat exportFormat) {
        return new DisclosureRecorded(CASE_ID, DISCLOSURE_ID, recipient, purpose, description, legalBasis,
                disclosedOn, exportId, exportFormat);
    }

    /** The complete file handed to the client's conservator, not made by the service. */
    static RecordDisclosure recordDisclosure(LocalDate disclosedOn) {
        return recordDisclosure(CONSERVATOR, DisclosurePurpose.CONSERVATORSHIP, DISCLOSED_RECORDS, LEGAL_BASIS,
                disclosedOn, null, null);
    }

    static DisclosureRecorded disclosureRecorded(LocalDate disclosedOn) {
        return disclosureRecorded(CONSERVATOR, DisclosurePurpose.CONSERVATORSHIP, DISCLOSED_RECORDS, LEGAL_BASIS,
                disclosedOn, null, null);
    }

    /** The complete file handed to the client's conservator as an export the service made. */
    static RecordDisclosure recordExportDisclosure(UUID exportId, ExportFormat exportFormat) {
        return recordDisclosure(CONSERVATOR, DisclosurePurpose.CONSERVATORSHIP, DISCLOSED_RECORDS, LEGAL_BASIS,
                DISCLOSED_ON, exportId, exportFormat);
    }

    static DisclosureRecorded exportDisclosureRecorded(UUID exportId, ExportFormat exportFormat) {
        return disclosureRecorded(CONSERVATOR, DisclosurePurpose.CONSERVATORSHIP, DISCLOSED_RECORDS, LEGAL_BASIS,
                DISCLOSED_ON, exportId, exportFormat);
    }

    // --- reassignment and amendments --------------------------------------------------------

    static ReassignCaseManager reassignCaseManager(String caseManagerId, String reason) {
        return new ReassignCaseManager(CASE_ID, caseManagerId, reason, null);
    }

    static CaseManagerReassigned caseManagerReassigned(String from, String to, String reason) {
        return new CaseManagerReassigned(CASE_ID, from, to, reason);
    }

    static AmendEntry amendEntry(UUID entryId, String text, String reason) {
        return new AmendEntry(CASE_ID, AMENDMENT_ID, entryId, text, reason, null);
    }

    static AmendEntry amendEntry(UUID entryId) {
        return amendEntry(entryId, CORRECTED_TEXT, AMENDMENT_REASON);
    }

    static EntryAmended entryAmended(UUID entryId, EntryType entryType) {
        return new EntryAmended(CASE_ID, AMENDMENT_ID, entryId, entryType, CORRECTED_TEXT, AMENDMENT_REASON);
    }

    // --- every clinical-record command ------------------------------------------------------

    /**
     * One well-formed instance of each of the 14 clinical-record commands, named by its type.
     * Used to show that a closed case refuses them all.
     */
    static Stream<Named<Object>> clinicalRecordCommands() {
        return Stream.<Object>of(
                        recordAssessment(AssessmentType.INTAKE, AN_HOUR_AGO, null),
                        recordDiagnosis(DIAGNOSIS_ID, "F32.1", true, DIAGNOSED_ON),
                        resolveDiagnosis(DIAGNOSIS_ID, TODAY),
                        setTreatmentPlan(newGoal(HOUSING_GOAL_ID, "stable housing")),
                        recordGoalProgress(HOUSING_GOAL_ID, AN_HOUR_AGO),
                        recordProviderReport(TODAY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 8)),
                        scheduleFollowUp(),
                        completeFollowUp(FOLLOW_UP_ID, AN_HOUR_AGO),
                        recordEducation("recognising warning signs"),
                        addFamilyMember("Maria Rivera", "mother"),
                        recordConsent(TODAY, null),
                        revokeConsent(CONSENT_ID),
                        reassignCaseManager("grace", "ada on extended leave"),
                        amendEntry(MEETING_ID),
                        new ScheduleMeeting(CASE_ID, UUID.fromString("00000000-0000-0000-0000-0000000005c1"),
                                MeetingType.CLIENT, NOW.plusSeconds(86_400), 45, List.of(), "clinic, room 2",
                                "review the plan", null),
                        new CancelScheduledMeeting(CASE_ID, UUID.fromString("00000000-0000-0000-0000-0000000005c1"),
                                "client ill", null),
                        new RecordNoShow(CASE_ID, UUID.fromString("00000000-0000-0000-0000-0000000005c1"), null))
                .map(command -> Named.of(command.getClass().getSimpleName(), command));
    }
}
