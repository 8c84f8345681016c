package org.caserecord.api.exports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ConsentScope;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.EducationFormat;
import org.caserecord.domain.model.EducationRecipient;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.Intervention;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.ProgressRating;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.Recipient;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.RiskLevel;
import org.caserecord.domain.model.TreatmentGoal;
import org.caserecord.domain.model.Urgency;
import org.caserecord.projections.casefile.AmendmentView;
import org.caserecord.projections.casefile.AssessmentView;
import org.caserecord.projections.casefile.CaseFileView;
import org.caserecord.projections.casefile.ConsentView;
import org.caserecord.projections.casefile.DiagnosisView;
import org.caserecord.projections.casefile.EducationView;
import org.caserecord.projections.casefile.FamilyMemberView;
import org.caserecord.projections.casefile.FollowUpView;
import org.caserecord.projections.casefile.GoalProgressView;
import org.caserecord.projections.casefile.MeetingView;
import org.caserecord.projections.casefile.ProviderReportView;
import org.caserecord.projections.casefile.ReferralView;
import org.caserecord.projections.casefile.TreatmentPlanView;
import org.caserecord.projections.disclosures.DisclosureView;

/** Case file exports for the renderer's tests: a full case, a case with many meetings, an empty case. */
final class CaseFileExportFixture {

    static final UUID CASE_ID = UUID.fromString("3f1c2a9e-7b44-4d0c-9a51-2e8f6b0d4c17");
    static final UUID EXPORT_ID = UUID.fromString("9b7e5d31-0c2a-4f86-b1d4-6a3e8c2f9e05");
    static final long VERSION = 47;
    static final String CHAIN_HASH = "4a9f0c3be1d27f6a58c0e9b3d1f4a7c2e6b8d0f1a3c5e7092b4d6f8a1c3e5b7d";
    static final String HASH_ALGORITHM = "SHA-256(previous hash || event payload)";
    static final Instant GENERATED_AT = Instant.parse("2024-06-03T14:05:09Z");
    static final String CLIENT_NAME = "Zoë Kowalczyk";
    static final String CONSERVATOR = "Łukasz Wiśniewski";
    static final String CONSERVATORSHIP = "Bezirksamt Conservatorship Office";
    static final String FAMILY_MEMBER = "李伟";

    static final String[] MEETING_NOTES = {
            "Intake conversation; client reports poor sleep — roughly four hours a night since March.",
            "Mother attended; discussed medication adherence and the weekly pill organiser.",
            "Care team agreed on a step-down to outpatient treatment after discharge.",
            "Client anxious about housing; Eastside Housing appointment confirmed.",
    };
    static final String AMENDMENT_TEXT = "Correction: the sleep estimate came from the mother, not the client.";
    static final String PLAN_ONE_GOAL = "Sleep at least six hours on five nights a week.";
    static final String PLAN_TWO_GOAL = "Keep the tenancy at Eastside Housing for three months.";
    static final String REFERRAL_OUTCOME = "Accepted after the intake interview on 2024-03-20.";

    private static final Instant OPENED_AT = Instant.parse("2024-02-12T09:00:00Z");

    private CaseFileExportFixture() {
    }

    /** A realistic case: meetings with amendments, a referral with an outcome, two plan versions, a disclosure. */
    static CaseFileExport fullCase() {
        return export(caseFile(meetings(), 2), List.of(disclosure()));
    }

    /** The full case with {@code count} meetings, enough to span pages. */
    static CaseFileExport caseWithMeetings(int count) {
        List<MeetingView> meetings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            meetings.add(meeting(i, "Meeting note number " + i + " on coping strategies and daily structure."
                    + " The client described the week in detail, including two difficult evenings.", List.of()));
        }
        return export(caseFile(meetings, 2), List.of(disclosure()));
    }

    /** A case just opened: nothing recorded yet, no plan, no disclosures. */
    static CaseFileExport emptyCase() {
        CaseFileView file = new CaseFileView(CASE_ID, 1, CaseStatus.OPEN, new Client(CLIENT_NAME, null), "cm-0042",
                LocalDate.parse("2024-02-12"), null, null, null, null, null, null, OPENED_AT, OPENED_AT, null,
                List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null);
        return new CaseFileExport(EXPORT_ID, CASE_ID, 1, CHAIN_HASH, HASH_ALGORITHM, GENERATED_AT,
                new Recipient(CONSERVATOR, CONSERVATORSHIP, null), DisclosurePurpose.CONSERVATORSHIP, file,
                List.of());
    }

    static CaseFileExport withNote(String notes) {
        return export(caseFile(List.of(meeting(0, notes, List.of())), 1), List.of());
    }

    private static CaseFileExport export(CaseFileView file, List<DisclosureView> disclosures) {
        return new CaseFileExport(EXPORT_ID, CASE_ID, VERSION, CHAIN_HASH, HASH_ALGORITHM, GENERATED_AT,
                new Recipient(CONSERVATOR, CONSERVATORSHIP, "Hauptstraße 12, 10827 Berlin"),
                DisclosurePurpose.CONSERVATORSHIP, file, disclosures);
    }

    private static CaseFileView caseFile(List<MeetingView> meetings, int planVersions) {
        List<TreatmentPlanView> plans = planVersions(planVersions);
        Client client = new Client(CLIENT_NAME, LocalDate.parse("1987-05-14"));
        return new CaseFileView(CASE_ID, VERSION, CaseStatus.OPEN, client, "cm-0042",
                LocalDate.parse("2024-02-12"), "St. Mary's psychiatric ward",
                "Depressive episode with insomnia after job loss; risk of losing housing.",
                null, null, null, null, OPENED_AT, GENERATED_AT, RiskLevel.MODERATE,
                meetings, List.of(referral()), List.of(assessment()), List.of(diagnosis()),
                plans.get(plans.size() - 1), plans, List.of(goalProgress()), List.of(providerReport()),
                List.of(followUp()), List.of(education()), List.of(familyMember()), List.of(consent()), null);
    }

    private static List<MeetingView> meetings() {
        List<MeetingView> meetings = new ArrayList<>();
        for (int i = 0; i < MEETING_NOTES.length; i++) {
            List<AmendmentView> amendments = i == 0
                    ? List.of(amendment(AMENDMENT_TEXT, "Source of the information was misattributed."),
                            amendment("Addendum: client later confirmed the estimate.", "Client confirmation"))
                    : List.of();
            meetings.add(meeting(i, MEETING_NOTES[i], amendments));
        }
        return meetings;
    }

    private static MeetingView meeting(int index, String notes, List<AmendmentView> amendments) {
        Instant occurredAt = OPENED_AT.plus(7L * index, ChronoUnit.DAYS);
        List<Attendee> attendees = index % 2 == 1
                ? List.of(new Attendee(CLIENT_NAME, "client"), new Attendee("Maria Kowalczyk", "mother"))
                : List.of(new Attendee(CLIENT_NAME, "client"));
        return new MeetingView(id("meeting", index), index % 2 == 1 ? MeetingType.FAMILY : MeetingType.CLIENT,
                occurredAt, 50, attendees, notes, occurredAt.plus(3, ChronoUnit.HOURS), "cm-0042", amendments);
    }

    private static AmendmentView amendment(String text, String reason) {
        return new AmendmentView(id("amendment", text.length()), text, reason, Instant.parse("2024-02-14T08:30:00Z"),
                "cm-0042");
    }

    private static ReferralView referral() {
        return new ReferralView(id("referral", 0), new Provider("Eastside Housing", "HOUSING"),
                "Supported housing after discharge", Urgency.URGENT, ReferralStatus.ACCEPTED, REFERRAL_OUTCOME, null,
                Instant.parse("2024-02-20T10:00:00Z"), Instant.parse("2024-03-21T16:45:00Z"), List.of());
    }

    private static AssessmentView assessment() {
        return new AssessmentView(id("assessment", 0), AssessmentType.RISK, Instant.parse("2024-02-13T11:00:00Z"),
                "No current suicidal intent; passive ideation during the last month.", List.of("housing", "sleep"),
                RiskLevel.MODERATE, Instant.parse("2024-02-13T12:00:00Z"), "cm-0042", List.of());
    }

    private static DiagnosisView diagnosis() {
        return new DiagnosisView(id("diagnosis", 0), "F32.1", "Moderate depressive episode", true, "Dr. Okafor",
                LocalDate.parse("2024-02-15"), DiagnosisView.Status.ACTIVE, null, null,
                Instant.parse("2024-02-15T15:00:00Z"), "cm-0042", List.of());
    }

    private static List<TreatmentPlanView> planVersions(int count) {
        TreatmentGoal sleep = new TreatmentGoal(id("goal", 0), PLAN_ONE_GOAL, LocalDate.parse("2024-05-01"));
        TreatmentGoal housing = new TreatmentGoal(id("goal", 1), PLAN_TWO_GOAL, LocalDate.parse("2024-08-01"));
        Intervention therapy = new Intervention("Cognitive behavioural therapy for insomnia",
                new Provider("Dr. Okafor", "PSYCHIATRY"), "weekly");
        TreatmentPlanView first = new TreatmentPlanView(1, List.of(sleep), List.of(therapy),
                LocalDate.parse("2024-04-01"), Instant.parse("2024-02-16T09:00:00Z"), "cm-0042");
        TreatmentPlanView second = new TreatmentPlanView(2, List.of(sleep, housing), List.of(therapy,
                new Intervention("Tenancy support visits", new Provider("Eastside Housing", "HOUSING"), null)),
                LocalDate.parse("2024-07-01"), Instant.parse("2024-04-02T09:00:00Z"), "cm-0042");
        return count == 1 ? List.of(first) : List.of(first, second);
    }

    private static GoalProgressView goalProgress() {
        return new GoalProgressView(id("progress", 0), id("goal", 0), Instant.parse("2024-04-10T10:00:00Z"),
                ProgressRating.SOME, "Sleeps six hours on three nights a week.", Instant.parse("2024-04-10T11:00:00Z"),
                "cm-0042", List.of());
    }

    private static ProviderReportView providerReport() {
        return new ProviderReportView(id("report", 0), new Provider("Dr. Okafor", "PSYCHIATRY"),
                LocalDate.parse("2024-04-05"), LocalDate.parse("2024-02-16"), LocalDate.parse("2024-03-31"),
                "Good engagement in CBT-I; sleep diary shows gradual improvement.",
                Instant.parse("2024-04-05T13:00:00Z"), "cm-0042", List.of());
    }

    private static FollowUpView followUp() {
        return new FollowUpView(id("follow-up", 0), LocalDate.parse("2024-07-15"), "Check tenancy and sleep",
                FollowUpView.Status.SCHEDULED, null, null, null, Instant.parse("2024-05-02T09:00:00Z"), "cm-0042",
                List.of());
    }

    private static EducationView education() {
        return new EducationView(id("education", 0), Instant.parse("2024-03-01T10:00:00Z"),
                EducationRecipient.FAMILY_MEMBER, "Maria Kowalczyk", "Recognising early signs of relapse",
                EducationFormat.WRITTEN, List.of("Relapse prevention leaflet"), Instant.parse("2024-03-01T11:00:00Z"),
                "cm-0042", List.of());
    }

    private static FamilyMemberView familyMember() {
        return new FamilyMemberView(id("family", 0), FAMILY_MEMBER, "partner", "+49 30 1234567", true,
                Instant.parse("2024-02-12T10:00:00Z"), "cm-0042", List.of());
    }

    private static ConsentView consent() {
        return new ConsentView(id("consent", 0), ConsentScope.SHARE_WITH_CONSERVATOR, CONSERVATORSHIP,
                LocalDate.parse("2024-05-30"), LocalDate.parse("2025-05-30"), ConsentView.Status.ACTIVE, null,
                Instant.parse("2024-05-30T09:00:00Z"), "cm-0042", List.of());
    }

    private static DisclosureView disclosure() {
        return new DisclosureView(id("disclosure", 0), CASE_ID, VERSION, new Recipient(CONSERVATOR, CONSERVATORSHIP,
                "Hauptstraße 12, 10827 Berlin"), DisclosurePurpose.CONSERVATORSHIP, "Complete case file",
                "Court order 12 XVII 345/24", LocalDate.parse("2024-06-03"), EXPORT_ID, ExportFormat.PDF,
                GENERATED_AT, "cm-0042");
    }

    private static UUID id(String kind, int index) {
        return UUID.nameUUIDFromBytes((kind + index).getBytes(StandardCharsets.UTF_8));
    }
}
