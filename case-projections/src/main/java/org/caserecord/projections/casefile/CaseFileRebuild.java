package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.caserecord.domain.events.AssessmentRecorded;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseManagerReassigned;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.LegalHoldPlaced;
import org.caserecord.domain.events.LegalHoldReleased;
import org.caserecord.domain.events.ConsentRecorded;
import org.caserecord.domain.events.ConsentRevoked;
import org.caserecord.domain.events.CoverageAdded;
import org.caserecord.domain.events.CoverageEnded;
import org.caserecord.domain.events.DiagnosisRecorded;
import org.caserecord.domain.events.DiagnosisResolved;
import org.caserecord.domain.events.DisclosureRecorded;
import org.caserecord.domain.events.EmergencyAccessGranted;
import org.caserecord.domain.events.EducationProvided;
import org.caserecord.domain.events.EntryAmended;
import org.caserecord.domain.events.FamilyMemberAdded;
import org.caserecord.domain.events.FollowUpCompleted;
import org.caserecord.domain.events.FollowUpScheduled;
import org.caserecord.domain.events.GoalProgressRecorded;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.MeetingScheduled;
import org.caserecord.domain.events.ScheduledMeetingCancelled;
import org.caserecord.domain.events.ScheduledMeetingMissed;
import org.caserecord.domain.events.ProviderReportReceived;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralDeclined;
import org.caserecord.domain.events.ReferralOutcomeRecorded;
import org.caserecord.domain.events.ReimbursementDecided;
import org.caserecord.domain.events.ReimbursementRequested;
import org.caserecord.domain.events.TreatmentPlanSet;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.RiskLevel;

/**
 * The case file rebuilt in memory from a case's events: what the record said at any version or
 * recorded instant (the audit trail's time travel). It is written from the event catalog, not
 * from the projection's SQL, and a property test holds the two to the same result for every
 * event sequence, so the case as of its latest version is exactly the case file read model.
 * Every event of the catalog must be known here: an unknown one is a programming error, never
 * silently skipped.
 */
public final class CaseFileRebuild {

    private CaseOpened opened;
    private long version;
    private Instant recordedAt;
    private Instant updatedAt;
    private CaseStatus status;
    private String caseManagerId;
    private CaseClosed closure;
    private String reopenReason;
    private RiskLevel riskLevel;
    private Instant riskAssessedAt;
    private Instant disposedAt;
    private final List<Sequenced<MeetingView>> meetings = new ArrayList<>();
    private final Map<UUID, ReferralView> referrals = new LinkedHashMap<>();
    private final Map<UUID, Object> entries = new LinkedHashMap<>();
    private final List<TreatmentPlanView> plans = new ArrayList<>();
    private final Map<UUID, List<AmendmentView>> amendments = new HashMap<>();

    private record Sequenced<T>(long sequence, T value) {
    }

    private CaseFileRebuild() {
    }

    /** The case file after the given events, which must be one case's stream from its first event, in order. */
    public static CaseFileView fold(List<? extends DomainEventMessage<?>> stream) {
        if (stream.isEmpty() || !(stream.get(0).getPayload() instanceof CaseOpened)) {
            throw new IllegalArgumentException("A case file is rebuilt from its stream's first event, CaseOpened");
        }
        CaseFileRebuild state = new CaseFileRebuild();
        stream.forEach(state::apply);
        return state.view();
    }

    private void apply(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        Instant at = message.getTimestamp();
        String actor = (String) message.getMetaData().get("actor");
        version = message.getSequenceNumber();
        updatedAt = at;
        if (event instanceof CaseOpened e) {
            opened = e;
            recordedAt = at;
            status = CaseStatus.OPEN;
            caseManagerId = e.caseManagerId();
        } else if (event instanceof MeetingRecorded e) {
            meetings.add(new Sequenced<>(version, new MeetingView(e.meetingId(), e.type(), e.occurredAt(),
                    e.durationMinutes(), e.attendees(), e.notes(), at, actor, List.of())));
        } else if (event instanceof ReferralAdded e) {
            referrals.put(e.referralId(), new ReferralView(e.referralId(), e.provider(), e.reason(), e.urgency(),
                    ReferralStatus.PENDING, null, null, at, at, List.of()));
        } else if (event instanceof ReferralOutcomeRecorded e) {
            ReferralView r = referrals.get(e.referralId());
            referrals.put(e.referralId(), new ReferralView(r.referralId(), r.provider(), r.reason(), r.urgency(),
                    e.resultingStatus(), e.reason(), e instanceof ReferralDeclined d ? d.declineReason() : null,
                    r.addedAt(), at, List.of()));
        } else if (event instanceof CaseClosed e) {
            status = CaseStatus.CLOSED;
            closure = e;
            reopenReason = null;
        } else if (event instanceof CaseReopened e) {
            status = CaseStatus.OPEN;
            closure = null;
            reopenReason = e.reason();
        } else if (event instanceof CaseManagerReassigned e) {
            caseManagerId = e.caseManagerId();
        } else if (event instanceof AssessmentRecorded e) {
            entries.put(e.assessmentId(), new AssessmentView(e.assessmentId(), e.type(), e.occurredAt(), e.summary(),
                    e.needs(), e.riskLevel(), at, actor, List.of()));
            if (e.riskLevel() != null && (riskAssessedAt == null || !riskAssessedAt.isAfter(e.occurredAt()))) {
                riskLevel = e.riskLevel();
                riskAssessedAt = e.occurredAt();
            }
        } else if (event instanceof DiagnosisRecorded e) {
            entries.put(e.diagnosisId(), new DiagnosisView(e.diagnosisId(), e.code(), e.description(), e.primary(),
                    e.diagnosedBy(), e.diagnosedOn(), DiagnosisView.Status.ACTIVE, null, null, at, actor, List.of()));
        } else if (event instanceof DiagnosisResolved e) {
            entries.put(e.diagnosisId(), ((DiagnosisView) entries.get(e.diagnosisId()))
                    .resolved(e.resolvedOn(), e.reason()));
        } else if (event instanceof TreatmentPlanSet e) {
            plans.add(new TreatmentPlanView(e.planVersion(), e.goals(), e.interventions(), e.reviewBy(), at, actor));
        } else if (event instanceof GoalProgressRecorded e) {
            entries.put(e.progressId(), new GoalProgressView(e.progressId(), e.goalId(), e.occurredAt(), e.rating(),
                    e.note(), at, actor, List.of()));
        } else if (event instanceof ProviderReportReceived e) {
            entries.put(e.reportId(), new ProviderReportView(e.reportId(), e.provider(), e.receivedOn(),
                    e.periodFrom(), e.periodTo(), e.summary(), at, actor, List.of()));
        } else if (event instanceof FollowUpScheduled e) {
            entries.put(e.followUpId(), new FollowUpView(e.followUpId(), e.dueOn(), e.purpose(),
                    FollowUpView.Status.SCHEDULED, null, null, null, at, actor, List.of()));
        } else if (event instanceof FollowUpCompleted e) {
            entries.put(e.followUpId(), ((FollowUpView) entries.get(e.followUpId()))
                    .completed(e.occurredAt(), e.outcome(), e.clientSatisfiedWithTreatment()));
        } else if (event instanceof EducationProvided e) {
            entries.put(e.educationId(), new EducationView(e.educationId(), e.occurredAt(), e.recipient(),
                    e.recipientName(), e.topic(), e.format(), e.materials(), at, actor, List.of()));
        } else if (event instanceof FamilyMemberAdded e) {
            entries.put(e.memberId(), new FamilyMemberView(e.memberId(), e.name(), e.relationship(), e.contact(),
                    e.involvedInTreatment(), at, actor, List.of()));
        } else if (event instanceof ConsentRecorded e) {
            entries.put(e.consentId(), new ConsentView(e.consentId(), e.scope(), e.grantedTo(), e.grantedOn(),
                    e.validUntil(), ConsentView.Status.ACTIVE, null, at, actor, List.of()));
        } else if (event instanceof ConsentRevoked e) {
            entries.put(e.consentId(), ((ConsentView) entries.get(e.consentId())).revoked(e.revokedOn()));
        } else if (event instanceof EntryAmended e) {
            amendments.computeIfAbsent(e.entryId(), id -> new ArrayList<>())
                    .add(new AmendmentView(e.amendmentId(), e.text(), e.reason(), at, actor));
        } else if (event instanceof CaseRecordDisposed) {
            disposedAt = at;
        } else if (event instanceof DisclosureRecorded || event instanceof EmergencyAccessGranted
                || event instanceof CoverageAdded || event instanceof CoverageEnded
                || event instanceof ReimbursementRequested || event instanceof ReimbursementDecided
                || event instanceof LegalHoldPlaced || event instanceof LegalHoldReleased
                || event instanceof MeetingScheduled || event instanceof ScheduledMeetingCancelled
                || event instanceof ScheduledMeetingMissed) {
            // Kept in read models of their own (disclosures, access grants, coverage, legal holds); they
            // advance the version only.
        } else {
            throw new IllegalArgumentException("The rebuild does not know " + event.getClass().getSimpleName());
        }
    }

    private CaseFileView view() {
        return new CaseFileView(opened.caseId(), version, status, opened.client(), caseManagerId, opened.openedOn(),
                opened.referralSource(), opened.presentingConcerns(),
                closure == null ? null : closure.closedOn(),
                closure == null ? null : closure.reason(),
                closure == null ? null : closure.summary(),
                reopenReason, recordedAt, updatedAt, riskLevel,
                meetings.stream()
                        .sorted(Comparator.comparing((Sequenced<MeetingView> m) -> m.value().occurredAt())
                                .thenComparingLong(Sequenced::sequence))
                        .map(m -> m.value().withAmendments(amended(m.value().meetingId())))
                        .toList(),
                referrals.values().stream().map(r -> r.withAmendments(amended(r.referralId()))).toList(),
                entriesOf(AssessmentView.class, AssessmentView::assessmentId),
                entriesOf(DiagnosisView.class, DiagnosisView::diagnosisId),
                plans.isEmpty() ? null : plans.get(plans.size() - 1),
                List.copyOf(plans),
                entriesOf(GoalProgressView.class, GoalProgressView::progressId),
                entriesOf(ProviderReportView.class, ProviderReportView::reportId),
                entriesOf(FollowUpView.class, FollowUpView::followUpId),
                entriesOf(EducationView.class, EducationView::educationId),
                entriesOf(FamilyMemberView.class, FamilyMemberView::memberId),
                entriesOf(ConsentView.class, ConsentView::consentId),
                disposedAt);
    }

    private <T extends Amendable<T>> List<T> entriesOf(Class<T> type, java.util.function.Function<T, UUID> id) {
        return entries.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .map(entry -> entry.withAmendments(amended(id.apply(entry))))
                .toList();
    }

    private List<AmendmentView> amended(UUID entryId) {
        return List.copyOf(amendments.getOrDefault(entryId, List.of()));
    }
}
