package org.caserecord.domain.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.caserecord.domain.events.AssessmentRecorded;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.events.CaseManagerReassigned;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseRecordDisposed;
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
import org.caserecord.domain.events.LegalHoldPlaced;
import org.caserecord.domain.events.LegalHoldReleased;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.MeetingScheduled;
import org.caserecord.domain.events.ScheduledMeetingCancelled;
import org.caserecord.domain.events.ScheduledMeetingMissed;
import org.caserecord.domain.events.ProviderReportReceived;
import org.caserecord.domain.events.ReferralAccepted;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralCancelled;
import org.caserecord.domain.events.ReferralCompleted;
import org.caserecord.domain.events.ReferralDeclined;
import org.caserecord.domain.events.ReimbursementDecided;
import org.caserecord.domain.events.ReimbursementRequested;
import org.caserecord.domain.events.TreatmentPlanSet;

/**
 * Every event type a case's stream can hold, by the name the history shows ({@code type}).
 * An architecture test keeps the list complete.
 */
public final class EventCatalog {

    public static final List<Class<? extends CaseEvent>> TYPES = List.of(
            CaseOpened.class,
            MeetingRecorded.class,
            ReferralAdded.class,
            ReferralAccepted.class,
            ReferralDeclined.class,
            ReferralCompleted.class,
            ReferralCancelled.class,
            CaseClosed.class,
            CaseReopened.class,
            CaseManagerReassigned.class,
            AssessmentRecorded.class,
            DiagnosisRecorded.class,
            DiagnosisResolved.class,
            TreatmentPlanSet.class,
            GoalProgressRecorded.class,
            ProviderReportReceived.class,
            FollowUpScheduled.class,
            FollowUpCompleted.class,
            EducationProvided.class,
            FamilyMemberAdded.class,
            ConsentRecorded.class,
            ConsentRevoked.class,
            EntryAmended.class,
            DisclosureRecorded.class,
            EmergencyAccessGranted.class,
            CoverageAdded.class,
            CoverageEnded.class,
            ReimbursementRequested.class,
            ReimbursementDecided.class,
            LegalHoldPlaced.class,
            LegalHoldReleased.class,
            CaseRecordDisposed.class,
            MeetingScheduled.class,
            ScheduledMeetingCancelled.class,
            ScheduledMeetingMissed.class);

    private static final Map<String, Class<? extends CaseEvent>> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<Class<? extends CaseEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return TYPES.stream().map(Class::getSimpleName).toList();
    }
}
