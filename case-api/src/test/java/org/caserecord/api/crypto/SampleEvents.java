package org.caserecord.api.crypto;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.events.AssessmentRecorded;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.events.CaseManagerReassigned;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.ConsentRecorded;
import org.caserecord.domain.events.ConsentRevoked;
import org.caserecord.domain.events.CoverageAdded;
import org.caserecord.domain.events.CoverageEnded;
import org.caserecord.domain.events.DiagnosisRecorded;
import org.caserecord.domain.events.DiagnosisResolved;
import org.caserecord.domain.events.DisclosureRecorded;
import org.caserecord.domain.events.EducationProvided;
import org.caserecord.domain.events.EmergencyAccessGranted;
import org.caserecord.domain.events.EntryAmended;
import org.caserecord.domain.events.FamilyMemberAdded;
import org.caserecord.domain.events.FollowUpCompleted;
import org.caserecord.domain.events.FollowUpScheduled;
import org.caserecord.domain.events.GoalProgressRecorded;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.ProviderReportReceived;
import org.caserecord.domain.events.ReferralAccepted;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralCancelled;
import org.caserecord.domain.events.ReferralCompleted;
import org.caserecord.domain.events.ReferralDeclined;
import org.caserecord.domain.events.ReimbursementDecided;
import org.caserecord.domain.events.LegalHoldPlaced;
import org.caserecord.domain.events.LegalHoldReleased;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.domain.events.MeetingScheduled;
import org.caserecord.domain.events.ScheduledMeetingCancelled;
import org.caserecord.domain.events.ScheduledMeetingMissed;
import org.caserecord.domain.retention.RetentionPolicy;
import org.caserecord.domain.events.ReimbursementRequested;
import org.caserecord.domain.events.TreatmentPlanSet;
import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.ClaimLine;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.ConsentScope;
import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.EducationFormat;
import org.caserecord.domain.model.EducationRecipient;
import org.caserecord.domain.model.EntryType;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.Intervention;
import org.caserecord.domain.model.MeetingBilling;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.ProgressRating;
import org.caserecord.domain.model.Provider;
import org.caserecord.domain.model.ReferralDeclineReason;
import org.caserecord.domain.model.Recipient;
import org.caserecord.domain.model.ReimbursementDecision;
import org.caserecord.domain.model.RiskLevel;
import org.caserecord.domain.model.SubscriberRelationship;
import org.caserecord.domain.model.TreatmentGoal;
import org.caserecord.domain.model.Urgency;

/**
 * One event of every type for a case, with personal data nobody would write by chance (so its
 * absence from stored bytes means something), and reflection over {@link Phi} to list it.
 */
final class SampleEvents {

    static final String CLIENT_NAME = "Zoë Quillfeather-Ostrander";
    static final LocalDate DATE_OF_BIRTH = LocalDate.of(1961, 7, 23);
    private static final Instant AT = Instant.parse("2026-02-03T10:15:00Z");
    private static final LocalDate ON = LocalDate.of(2026, 2, 3);

    private SampleEvents() {
    }

    static List<CaseEvent> of(UUID caseId) {
        UUID meetingId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        UUID goalId = UUID.randomUUID();
        Provider counseling = new Provider("Northside Counseling", "COUNSELING");
        return List.of(
                new CaseOpened(caseId, new Client(CLIENT_NAME, DATE_OF_BIRTH), "ada", ON,
                        "referred by Dr. Vantongeren", "sleeps in a blue Volvo \"since May\""),
                new MeetingRecorded(caseId, meetingId, MeetingType.FAMILY, AT, 45,
                        List.of(new Attendee("Marguerite Ostrander", "mother"), new Attendee(CLIENT_NAME, "client")),
                        "talked about the eviction notice from Pellworm Street",
                        new MeetingBilling("T1016", "11")),
                new ReferralAdded(caseId, referralId, new Provider("Eastside Housing", "HOUSING",
                        UUID.fromString("5b0c8a6e-0d2f-4a57-9a43-7e1f0c3b2d11"), "+1 555 0100"),
                        "needs a flat away from Pellworm Street", Urgency.URGENT),
                new ReferralAccepted(caseId, referralId, "accepted after call with Mrs. Ostrander"),
                new ReferralDeclined(caseId, UUID.randomUUID(), "declined: client fears the Kestrel shelter",
                        ReferralDeclineReason.CLIENT_DECLINED),
                new ReferralCompleted(caseId, referralId, "moved into flat 4b on Quayside"),
                new ReferralCancelled(caseId, UUID.randomUUID(), "cancelled: duplicate of the Larkspur referral"),
                new CaseClosed(caseId, ClosureReason.RELEASED_FROM_TREATMENT, "stable on sertraline, back at work",
                        ON),
                new CaseReopened(caseId, "relapse after the funeral of a brother"),
                new CaseManagerReassigned(caseId, "ada", "ben", "caseload balancing"),
                new AssessmentRecorded(caseId, UUID.randomUUID(), AssessmentType.NEEDS, AT,
                        "PHQ-9 score 19, passive ideation", List.of("debt counselling", "grief group in Harwick"),
                        RiskLevel.HIGH),
                new DiagnosisRecorded(caseId, UUID.randomUUID(), "F33.2", "recurrent depressive disorder, severe",
                        true, "Dr. Okafor", ON),
                new DiagnosisResolved(caseId, UUID.randomUUID(), ON, "remission confirmed by Dr. Okafor"),
                new TreatmentPlanSet(caseId, 1,
                        List.of(new TreatmentGoal(goalId, "attend the Harwick grief group weekly",
                                LocalDate.of(2026, 9, 30))),
                        List.of(new Intervention("trauma-focused CBT for the assault in 2019", counseling, "weekly")),
                        LocalDate.of(2026, 12, 31)),
                new GoalProgressRecorded(caseId, UUID.randomUUID(), goalId, AT, ProgressRating.SOME,
                        "went to two sessions, left the second early"),
                new ProviderReportReceived(caseId, UUID.randomUUID(), counseling, ON, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 31), "flashbacks twice a week, nightmares less frequent"),
                new FollowUpScheduled(caseId, UUID.randomUUID(), ON,
                        "check lithium levels"),
                new FollowUpCompleted(caseId, UUID.randomUUID(), AT, "lithium level 0.8, dose kept", Boolean.TRUE),
                new EducationProvided(caseId, UUID.randomUUID(), AT, EducationRecipient.FAMILY_MEMBER,
                        "Marguerite Ostrander", "recognising relapse signs", EducationFormat.WRITTEN,
                        List.of("leaflet 12")),
                new FamilyMemberAdded(caseId, UUID.randomUUID(), "Thaddeus Ostrander", "brother",
                        "+44 7700 900461", true),
                new ConsentRecorded(caseId, UUID.randomUUID(), ConsentScope.SHARE_WITH_FAMILY,
                        "Thaddeus Ostrander", ON, LocalDate.of(2027, 12, 31)),
                new ConsentRevoked(caseId, UUID.randomUUID(), ON),
                new EntryAmended(caseId, UUID.randomUUID(), meetingId, EntryType.MEETING,
                        "the notice came from the landlord Mr. Brightwater", "name was missing"),
                new DisclosureRecorded(caseId, UUID.randomUUID(),
                        new Recipient("Ilse Brandvold", "Fjordview Conservatorship", "12 Kelp Lane, Tromsø"),
                        DisclosurePurpose.CONSERVATORSHIP, "case file up to the hospital stay", "court order 55/26",
                        ON, UUID.randomUUID(), ExportFormat.PDF),
                new EmergencyAccessGranted(caseId, UUID.randomUUID(), "ben", "client threatening self-harm in lobby",
                        AT.plusSeconds(3600)),
                new CoverageAdded(caseId, UUID.randomUUID(), "MCD-CA", "Medi-Cal", "Standard", "MBR-77215-QX",
                        "GRP-0042-ZZ", SubscriberRelationship.SELF, ON, null, CoveragePriority.PRIMARY),
                new CoverageEnded(caseId, UUID.randomUUID(), ON),
                new ReimbursementRequested(caseId, UUID.randomUUID(), UUID.randomUUID(), "MCD-CA", ON, ON,
                        List.of(new ClaimLine(meetingId, ON, "T1016", List.of("HO"), 3, new BigDecimal("18.50"),
                                new BigDecimal("55.50"), "11", "1245319599", List.of("F33.2"))),
                        new BigDecimal("55.50")),
                new ReimbursementDecided(caseId, UUID.randomUUID(), ReimbursementDecision.PAID,
                        new BigDecimal("55.50"), "PAY-1", null),
                new LegalHoldPlaced(caseId, UUID.randomUUID(), "subpoena naming Ximena Okonkwo-Baptiste", "CV-2026-0142"),
                new LegalHoldReleased(caseId, UUID.randomUUID(), "settled with Ximena Okonkwo-Baptiste"),
                new CaseRecordDisposed(caseId, "retention period ended", ON, RetentionPolicy.defaults()),
                new MeetingScheduled(caseId, UUID.randomUUID(), MeetingType.FAMILY, AT.plusSeconds(86_400), 60,
                        List.of(new Attendee("Ximena Okonkwo-Baptiste", "sister")), "14 Quayside Lane, flat 3",
                        "talk about Ximena's relapse"),
                new ScheduledMeetingCancelled(caseId, UUID.randomUUID(), "Ximena Okonkwo-Baptiste is in hospital"),
                new ScheduledMeetingMissed(caseId, UUID.randomUUID(), AT));
    }

    /** Every piece of personal data in the object, as text, found through {@link Phi}. */
    static List<String> personalData(Object value) {
        List<String> found = new ArrayList<>();
        collect(value, false, found);
        return found;
    }

    /** How many values marked {@link Phi} the object holds (a marked list is one value): one envelope each. */
    static long personalValues(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().mapToLong(SampleEvents::personalValues).sum();
        }
        if (value == null || !value.getClass().isRecord()) {
            return 0;
        }
        long count = 0;
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object componentValue = read(component, value);
            count += component.isAnnotationPresent(Phi.class)
                    ? (componentValue == null ? 0 : 1) : personalValues(componentValue);
        }
        return count;
    }

    private static void collect(Object value, boolean phi, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(element -> collect(element, phi, found));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                collect(read(component, value), phi || component.isAnnotationPresent(Phi.class), found);
            }
        } else if (phi) {
            found.add(value.toString());
        }
    }

    /** The object as it reads once its case's key is destroyed: personal data replaced by placeholders. */
    @SuppressWarnings("unchecked")
    static <T> T disposed(T value) {
        if (value instanceof List<?> list) {
            return (T) list.stream().map(SampleEvents::disposed).toList();
        }
        if (value == null || !value.getClass().isRecord()) {
            return value;
        }
        RecordComponent[] components = value.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Object original = read(components[i], value);
            types[i] = components[i].getType();
            if (!components[i].isAnnotationPresent(Phi.class)) {
                arguments[i] = disposed(original);
            } else if (types[i] == String.class) {
                arguments[i] = original == null ? null : Phi.DISPOSED;
            } else if (types[i] == List.class) {
                arguments[i] = original == null ? null : List.of(Phi.DISPOSED);
            } else {
                arguments[i] = null;
            }
        }
        try {
            return (T) value.getClass().getDeclaredConstructor(types).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
