package org.caserecord.domain.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.caserecord.domain.commands.AddFamilyMember;
import org.caserecord.domain.commands.AddReferral;
import org.caserecord.domain.commands.AmendEntry;
import org.caserecord.domain.commands.CloseCase;
import org.caserecord.domain.commands.CancelScheduledMeeting;
import org.caserecord.domain.commands.CompleteFollowUp;
import org.caserecord.domain.commands.RecordNoShow;
import org.caserecord.domain.commands.ScheduleMeeting;
import org.caserecord.domain.commands.DisposeCaseRecord;
import org.caserecord.domain.commands.PlaceLegalHold;
import org.caserecord.domain.commands.ReleaseLegalHold;
import org.caserecord.domain.commands.OpenCase;
import org.caserecord.domain.commands.ReassignCaseManager;
import org.caserecord.domain.commands.RecordAssessment;
import org.caserecord.domain.commands.RecordConsent;
import org.caserecord.domain.commands.RecordDiagnosis;
import org.caserecord.domain.billing.PlaceOfService;
import org.caserecord.domain.billing.ServiceCode;
import org.caserecord.domain.commands.AddCoverage;
import org.caserecord.domain.commands.DecideReimbursement;
import org.caserecord.domain.commands.EndCoverage;
import org.caserecord.domain.commands.FileReimbursementRequest;
import org.caserecord.domain.commands.GrantEmergencyAccess;
import org.caserecord.domain.commands.RecordDisclosure;
import org.caserecord.domain.commands.RecordEducationProvided;
import org.caserecord.domain.commands.RecordGoalProgress;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.RecordProviderReport;
import org.caserecord.domain.commands.RecordReferralOutcome;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.commands.ResolveDiagnosis;
import org.caserecord.domain.commands.RevokeConsent;
import org.caserecord.domain.commands.ScheduleFollowUp;
import org.caserecord.domain.commands.SetTreatmentPlan;
import org.caserecord.domain.commands.TreatmentPlanResult;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.events.AssessmentRecorded;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.events.CaseManagerReassigned;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.LegalHoldPlaced;
import org.caserecord.domain.events.MeetingScheduled;
import org.caserecord.domain.events.ScheduledMeetingCancelled;
import org.caserecord.domain.events.ScheduledMeetingMissed;
import org.caserecord.domain.events.LegalHoldReleased;
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
import org.caserecord.domain.events.ReferralOutcomeRecorded;
import org.caserecord.domain.events.ReimbursementDecided;
import org.caserecord.domain.events.ReimbursementRequested;
import org.caserecord.domain.events.TreatmentPlanSet;
import org.caserecord.domain.model.AssessmentType;
import org.caserecord.domain.model.ClaimLine;
import org.caserecord.domain.model.ReimbursementDecision;
import org.caserecord.domain.model.MeetingBilling;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.EntryType;
import org.caserecord.domain.model.IcdCode;
import org.caserecord.domain.model.ReferralOutcome;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.domain.model.TreatmentGoal;
import org.caserecord.domain.retention.RetentionPolicy;

/**
 * One client's case: the consistency boundary for every decision about it. Holds only what
 * those decisions need (lifecycle here, the rest in {@link ClinicalRecord}). Command
 * handlers validate and apply; the event-sourcing handler only assigns state. Time comes
 * from an injected {@link Clock}; ids come on the commands. Handlers of changes return the
 * case version after the change (the last event's sequence number); setting the treatment
 * plan also returns the new plan version.
 */
@AggregateRoot(type = "CaseFile")
public class CaseFile {

    /** Clocks on clinic machines drift; a time a little ahead of ours is not "in the future". */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(1);
    /** No clinic plans a meeting further ahead; a later time is a typing error (year 20260). */
    static final Duration FURTHEST_SCHEDULE = Duration.ofDays(2 * 366);

    @AggregateIdentifier
    private UUID caseId;
    private CaseStatus status;
    private LocalDate openedOn;
    private String caseManagerId;
    private LocalDate dateOfBirth;
    private LocalDate closedOn;
    private final Set<UUID> legalHolds = new HashSet<>();
    private final Set<UUID> activeLegalHolds = new HashSet<>();
    private boolean disposed;
    private final Coverages coverages = new Coverages();
    private final Reimbursements reimbursements = new Reimbursements();
    private final ScheduledMeetings scheduledMeetings = new ScheduledMeetings();
    private long version;
    private final ClinicalRecord record = new ClinicalRecord();

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected CaseFile() {
    }

    @CommandHandler
    public CaseFile(OpenCase command, Clock clock) {
        CaseRules.required(command.caseId(), "caseId");
        CaseRules.required(command.client(), "client");
        CaseRules.requiredText(command.client().name(), "client.name");
        CaseRules.required(command.client().dateOfBirth(), "client.dateOfBirth");
        CaseRules.requiredText(command.caseManagerId(), "caseManagerId");
        CaseRules.required(command.openedOn(), "openedOn");
        CaseRules.notAfterToday(command.openedOn(), clock, "openedOn");
        if (command.client().dateOfBirth().isAfter(command.openedOn())) {
            throw new CaseCommandRejected(CaseErrorCode.DATE_OF_BIRTH_AFTER_OPENING, "client.dateOfBirth");
        }
        apply(new CaseOpened(command.caseId(), command.client(), command.caseManagerId(), command.openedOn(),
                command.referralSource(), command.presentingConcerns()));
    }

    @CommandHandler
    public long handle(RecordMeeting command, Clock clock) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.meetingId(), "meetingId", CaseErrorCode.DUPLICATE_MEETING);
        CaseRules.required(command.type(), "type");
        notInTheFuture(command.occurredAt(), clock, "occurredAt");
        CaseRules.required(command.durationMinutes(), "durationMinutes");
        if (command.durationMinutes() < 1 || command.durationMinutes() > 1440) {
            throw new CaseCommandRejected(CaseErrorCode.DURATION_OUT_OF_RANGE, "durationMinutes");
        }
        if (command.billing() != null) {
            billable(command.billing());
        }
        if (command.scheduledMeetingId() != null) {
            scheduledMeetings.mustBePending(command.scheduledMeetingId());
        }
        return applied(new MeetingRecorded(caseId, command.meetingId(), command.type(), command.occurredAt(),
                command.durationMinutes(), command.attendees(), command.notes(), command.billing(),
                command.scheduledMeetingId()));
    }

    /** A meeting set up for a time to come (a minute of clock skew is not "to come"). */
    @CommandHandler
    public long handle(ScheduleMeeting command, Clock clock) {
        mayChange(command.expectedVersion());
        CaseRules.required(command.scheduledMeetingId(), "scheduledMeetingId");
        if (scheduledMeetings.contains(command.scheduledMeetingId())) {
            throw new CaseCommandRejected(CaseErrorCode.DUPLICATE_ENTRY, "scheduledMeetingId");
        }
        CaseRules.required(command.type(), "type");
        CaseRules.required(command.scheduledFor(), "scheduledFor");
        if (!command.scheduledFor().isAfter(Instant.now(clock))) {
            throw new CaseCommandRejected(CaseErrorCode.SCHEDULED_IN_THE_PAST, "scheduledFor");
        }
        if (command.scheduledFor().isAfter(Instant.now(clock).plus(FURTHEST_SCHEDULE))) {
            throw new CaseCommandRejected(CaseErrorCode.SCHEDULED_TOO_FAR_AHEAD, "scheduledFor");
        }
        CaseRules.required(command.plannedMinutes(), "plannedMinutes");
        if (command.plannedMinutes() < 1 || command.plannedMinutes() > 1440) {
            throw new CaseCommandRejected(CaseErrorCode.DURATION_OUT_OF_RANGE, "plannedMinutes");
        }
        CaseRules.optionalText(command.location(), "location");
        CaseRules.optionalText(command.purpose(), "purpose");
        return applied(new MeetingScheduled(caseId, command.scheduledMeetingId(), command.type(),
                command.scheduledFor(), command.plannedMinutes(), command.attendees(), command.location(),
                command.purpose()));
    }

    @CommandHandler
    public long handle(CancelScheduledMeeting command) {
        mayChange(command.expectedVersion());
        scheduledMeetings.mustBePending(command.scheduledMeetingId());
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        return applied(new ScheduledMeetingCancelled(caseId, command.scheduledMeetingId(), command.reason()));
    }

    /** Nobody came: only once the meeting's time has come. */
    @CommandHandler
    public long handle(RecordNoShow command, Clock clock) {
        mayChange(command.expectedVersion());
        Instant scheduledFor = scheduledMeetings.mustBePending(command.scheduledMeetingId());
        if (Instant.now(clock).isBefore(scheduledFor)) {
            throw new CaseCommandRejected(CaseErrorCode.NO_SHOW_BEFORE_ITS_TIME, "scheduledMeetingId");
        }
        return applied(new ScheduledMeetingMissed(caseId, command.scheduledMeetingId(), scheduledFor));
    }

    @CommandHandler
    public long handle(AddReferral command) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.referralId(), "referralId", CaseErrorCode.DUPLICATE_REFERRAL);
        CaseRules.required(command.provider(), "provider");
        CaseRules.requiredText(command.provider().name(), "provider.name");
        CaseRules.requiredText(command.provider().type(), "provider.type");
        CaseRules.required(command.urgency(), "urgency");
        return applied(new ReferralAdded(caseId, command.referralId(), command.provider(), command.reason(),
                command.urgency()));
    }

    @CommandHandler
    public long handle(RecordReferralOutcome command) {
        mayChange(command.expectedVersion());
        CaseRules.required(command.outcome(), "outcome");
        ReferralStatus current = record.referralStatus(command.referralId());
        if (command.outcome().requiresReason()) {
            CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        }
        if (command.declineReason() != null && command.outcome() != ReferralOutcome.DECLINED) {
            throw new CaseCommandRejected(CaseErrorCode.DECLINE_REASON_ONLY_WHEN_DECLINED, "declineReason");
        }
        if (!current.allowedOutcomes().contains(command.outcome())) {
            throw new CaseCommandRejected(CaseErrorCode.REFERRAL_TRANSITION_NOT_ALLOWED, "outcome");
        }
        UUID referralId = command.referralId();
        String reason = command.reason();
        return applied(switch (command.outcome()) {
            case ACCEPTED -> new ReferralAccepted(caseId, referralId, reason);
            case DECLINED -> new ReferralDeclined(caseId, referralId, reason, command.declineReason());
            case COMPLETED -> new ReferralCompleted(caseId, referralId, reason);
            case CANCELLED -> new ReferralCancelled(caseId, referralId, reason);
        });
    }

    @CommandHandler
    public long handle(RecordAssessment command, Clock clock) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.assessmentId(), "assessmentId", CaseErrorCode.DUPLICATE_ENTRY);
        CaseRules.required(command.type(), "type");
        notInTheFuture(command.occurredAt(), clock, "occurredAt");
        if (command.type() == AssessmentType.RISK && command.riskLevel() == null) {
            throw new CaseCommandRejected(CaseErrorCode.RISK_LEVEL_REQUIRED, "riskLevel");
        }
        return applied(new AssessmentRecorded(caseId, command.assessmentId(), command.type(), command.occurredAt(),
                command.summary(), command.needs(), command.riskLevel()));
    }

    @CommandHandler
    public long handle(RecordDiagnosis command, Clock clock) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.diagnosisId(), "diagnosisId", CaseErrorCode.DUPLICATE_ENTRY);
        if (!IcdCode.isWellFormed(command.code())) {
            throw new CaseCommandRejected(CaseErrorCode.INVALID_DIAGNOSIS_CODE, "code");
        }
        CaseRules.required(command.diagnosedOn(), "diagnosedOn");
        CaseRules.notAfterToday(command.diagnosedOn(), clock, "diagnosedOn");
        record.atMostOneActivePrimaryDiagnosis(command.primary());
        return applied(new DiagnosisRecorded(caseId, command.diagnosisId(), command.code(), command.description(),
                command.primary(), command.diagnosedBy(), command.diagnosedOn()));
    }

    @CommandHandler
    public long handle(ResolveDiagnosis command, Clock clock) {
        mayChange(command.expectedVersion());
        LocalDate diagnosedOn = record.activeDiagnosisDate(command.diagnosisId());
        CaseRules.required(command.resolvedOn(), "resolvedOn");
        CaseRules.notAfterToday(command.resolvedOn(), clock, "resolvedOn");
        if (command.resolvedOn().isBefore(diagnosedOn)) {
            throw new CaseCommandRejected(CaseErrorCode.RESOLVED_BEFORE_DIAGNOSED, "resolvedOn");
        }
        return applied(new DiagnosisResolved(caseId, command.diagnosisId(), command.resolvedOn(), command.reason()));
    }

    @CommandHandler
    public TreatmentPlanResult handle(SetTreatmentPlan command) {
        mayChange(command.expectedVersion());
        CaseRules.required(command.goals(), "goals");
        record.goalsMustContinueTheCurrentPlan(command.goals());
        int planVersion = record.nextPlanVersion();
        long caseVersion = applied(new TreatmentPlanSet(caseId, planVersion,
                command.goals().stream()
                        .map(goal -> new TreatmentGoal(goal.goalId(), goal.description(), goal.targetDate()))
                        .toList(),
                command.interventions(), command.reviewBy()));
        return new TreatmentPlanResult(planVersion, caseVersion);
    }

    @CommandHandler
    public long handle(RecordGoalProgress command, Clock clock) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.progressId(), "progressId", CaseErrorCode.DUPLICATE_ENTRY);
        record.mustBeGoalOfCurrentPlan(command.goalId());
        notInTheFuture(command.occurredAt(), clock, "occurredAt");
        CaseRules.required(command.rating(), "rating");
        return applied(new GoalProgressRecorded(caseId, command.progressId(), command.goalId(), command.occurredAt(),
                command.rating(), command.note()));
    }

    @CommandHandler
    public long handle(RecordProviderReport command, Clock clock) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.reportId(), "reportId", CaseErrorCode.DUPLICATE_ENTRY);
        CaseRules.required(command.provider(), "provider");
        CaseRules.requiredText(command.provider().name(), "provider.name");
        CaseRules.required(command.receivedOn(), "receivedOn");
        CaseRules.notAfterToday(command.receivedOn(), clock, "receivedOn");
        if (command.periodFrom() != null && command.periodTo() != null
                && command.periodTo().isBefore(command.periodFrom())) {
            throw new CaseCommandRejected(CaseErrorCode.PERIOD_ENDS_BEFORE_IT_STARTS, "periodTo");
        }
        return applied(new ProviderReportReceived(caseId, command.reportId(), command.provider(),
                command.receivedOn(), command.periodFrom(), command.periodTo(), command.summary()));
    }

    @CommandHandler
    public long handle(ScheduleFollowUp command) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.followUpId(), "followUpId", CaseErrorCode.DUPLICATE_ENTRY);
        CaseRules.required(command.dueOn(), "dueOn");
        return applied(new FollowUpScheduled(caseId, command.followUpId(), command.dueOn(), command.purpose()));
    }

    @CommandHandler
    public long handle(CompleteFollowUp command, Clock clock) {
        mayChange(command.expectedVersion());
        record.mustBeOpenFollowUp(command.followUpId());
        notInTheFuture(command.occurredAt(), clock, "occurredAt");
        return applied(new FollowUpCompleted(caseId, command.followUpId(), command.occurredAt(), command.outcome(),
                command.clientSatisfiedWithTreatment()));
    }

    @CommandHandler
    public long handle(RecordEducationProvided command, Clock clock) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.educationId(), "educationId", CaseErrorCode.DUPLICATE_ENTRY);
        notInTheFuture(command.occurredAt(), clock, "occurredAt");
        CaseRules.required(command.recipient(), "recipient");
        CaseRules.requiredText(command.topic(), "topic");
        CaseRules.required(command.format(), "format");
        return applied(new EducationProvided(caseId, command.educationId(), command.occurredAt(),
                command.recipient(), command.recipientName(), command.topic(), command.format(),
                command.materials()));
    }

    @CommandHandler
    public long handle(AddFamilyMember command) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.memberId(), "memberId", CaseErrorCode.DUPLICATE_ENTRY);
        CaseRules.requiredText(command.name(), "name");
        CaseRules.requiredText(command.relationship(), "relationship");
        return applied(new FamilyMemberAdded(caseId, command.memberId(), command.name(), command.relationship(),
                command.contact(), command.involvedInTreatment()));
    }

    @CommandHandler
    public long handle(RecordConsent command, Clock clock) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.consentId(), "consentId", CaseErrorCode.DUPLICATE_ENTRY);
        CaseRules.required(command.scope(), "scope");
        CaseRules.requiredText(command.grantedTo(), "grantedTo");
        CaseRules.required(command.grantedOn(), "grantedOn");
        CaseRules.notAfterToday(command.grantedOn(), clock, "grantedOn");
        if (command.validUntil() != null && command.validUntil().isBefore(command.grantedOn())) {
            throw new CaseCommandRejected(CaseErrorCode.VALIDITY_ENDS_BEFORE_GRANT, "validUntil");
        }
        return applied(new ConsentRecorded(caseId, command.consentId(), command.scope(), command.grantedTo(),
                command.grantedOn(), command.validUntil()));
    }

    @CommandHandler
    public long handle(RevokeConsent command, Clock clock) {
        mayChange(command.expectedVersion());
        LocalDate grantedOn = record.activeConsentGrantedOn(command.consentId());
        CaseRules.required(command.revokedOn(), "revokedOn");
        CaseRules.notAfterToday(command.revokedOn(), clock, "revokedOn");
        if (command.revokedOn().isBefore(grantedOn)) {
            throw new CaseCommandRejected(CaseErrorCode.VALIDITY_ENDS_BEFORE_GRANT, "revokedOn");
        }
        return applied(new ConsentRevoked(caseId, command.consentId(), command.revokedOn()));
    }

    /**
     * Accounts for part or all of the record leaving the clinic. Unlike the clinical commands it
     * is allowed on a closed case: records often go to a conservatorship or the next facility
     * after the client's release.
     */
    @CommandHandler
    public long handle(RecordDisclosure command, Clock clock) {
        expectVersion(command.expectedVersion());
        record.mustBeNewEntry(command.disclosureId(), "disclosureId", CaseErrorCode.DUPLICATE_ENTRY);
        CaseRules.required(command.recipient(), "recipient");
        CaseRules.requiredText(command.recipient().name(), "recipient.name");
        CaseRules.optionalText(command.recipient().organization(), "recipient.organization");
        CaseRules.optionalText(command.recipient().address(), "recipient.address");
        CaseRules.required(command.purpose(), "purpose");
        CaseRules.requiredText(command.description(), "description");
        CaseRules.requiredText(command.legalBasis(), "legalBasis");
        CaseRules.required(command.disclosedOn(), "disclosedOn");
        CaseRules.notAfterToday(command.disclosedOn(), clock, "disclosedOn");
        if (command.disclosedOn().isBefore(openedOn)) {
            throw new CaseCommandRejected(CaseErrorCode.DISCLOSED_BEFORE_OPENED, "disclosedOn");
        }
        CaseRules.bothOrNeither(command.exportId(), "exportId", command.exportFormat(), "exportFormat",
                CaseErrorCode.INCOMPLETE_EXPORT_REFERENCE);
        return applied(new DisclosureRecorded(caseId, command.disclosureId(), command.recipient(),
                command.purpose(), command.description(), command.legalBasis(), command.disclosedOn(),
                command.exportId(), command.exportFormat()));
    }

    /**
     * Insurance coverage; allowed on closed cases too (claims for services delivered before the
     * closure are filed later).
     */
    @CommandHandler
    public long handle(AddCoverage command) {
        expectVersion(command.expectedVersion());
        CaseRules.required(command.coverageId(), "coverageId");
        if (coverages.contains(command.coverageId())) {
            throw new CaseCommandRejected(CaseErrorCode.DUPLICATE_ENTRY, "coverageId");
        }
        CaseRules.requiredText(command.payerId(), "payerId");
        CaseRules.requiredText(command.payerName(), "payerName");
        CaseRules.requiredText(command.planName(), "planName");
        CaseRules.requiredText(command.memberId(), "memberId");
        CaseRules.optionalText(command.groupNumber(), "groupNumber");
        CaseRules.required(command.subscriberRelationship(), "subscriberRelationship");
        CaseRules.required(command.priority(), "priority");
        CaseRules.required(command.effectiveFrom(), "effectiveFrom");
        if (command.effectiveTo() != null && command.effectiveTo().isBefore(command.effectiveFrom())) {
            throw new CaseCommandRejected(CaseErrorCode.COVERAGE_ENDS_BEFORE_IT_STARTS, "effectiveTo");
        }
        coverages.mustNotOverlap(command.priority(), command.effectiveFrom(), command.effectiveTo());
        return applied(new CoverageAdded(caseId, command.coverageId(), command.payerId(), command.payerName(),
                command.planName(), command.memberId(), command.groupNumber(), command.subscriberRelationship(),
                command.effectiveFrom(), command.effectiveTo(), command.priority()));
    }

    @CommandHandler
    public long handle(EndCoverage command) {
        expectVersion(command.expectedVersion());
        CaseRules.required(command.endedOn(), "endedOn");
        LocalDate from = coverages.mustBeCurrent(command.coverageId());
        if (command.endedOn().isBefore(from)) {
            throw new CaseCommandRejected(CaseErrorCode.COVERAGE_ENDS_BEFORE_IT_STARTS, "endedOn");
        }
        return applied(new CoverageEnded(caseId, command.coverageId(), command.endedOn()));
    }

    /**
     * A reimbursement request for billed meetings; allowed on closed cases. Each line's meeting
     * must have been recorded with billing and not be in a pending or paid request, the coverage
     * must cover every line's date, and the case needs an active diagnosis.
     */
    @CommandHandler
    public long handle(FileReimbursementRequest command) {
        CaseRules.required(command.requestId(), "requestId");
        if (reimbursements.contains(command.requestId())) {
            throw new CaseCommandRejected(CaseErrorCode.DUPLICATE_ENTRY, "requestId");
        }
        CaseRules.required(command.coverageId(), "coverageId");
        CaseRules.required(command.periodFrom(), "periodFrom");
        CaseRules.required(command.periodTo(), "periodTo");
        if (command.periodTo().isBefore(command.periodFrom())) {
            throw new CaseCommandRejected(CaseErrorCode.INVALID_PERIOD, "periodTo");
        }
        if (!coverages.contains(command.coverageId())) {
            throw new CaseCommandRejected(CaseErrorCode.COVERAGE_NOT_FOUND, "coverageId");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new CaseCommandRejected(CaseErrorCode.NOTHING_TO_BILL, "periodFrom");
        }
        if (!record.hasActiveDiagnosis()) {
            throw new CaseCommandRejected(CaseErrorCode.NO_ACTIVE_DIAGNOSIS);
        }
        reimbursements.mustBeBillable(command.lines());
        BigDecimal total = BigDecimal.ZERO;
        for (ClaimLine line : command.lines()) {
            if (line.dateOfService().isBefore(command.periodFrom()) || line.dateOfService().isAfter(command.periodTo())) {
                throw new CaseCommandRejected(CaseErrorCode.INVALID_PERIOD, "lines.dateOfService");
            }
            coverages.mustCover(command.coverageId(), line.dateOfService());
            total = total.add(line.charge());
        }
        return applied(new ReimbursementRequested(caseId, command.requestId(), command.coverageId(),
                coverages.payerOf(command.coverageId()), command.periodFrom(), command.periodTo(), command.lines(),
                total));
    }

    @CommandHandler
    public long handle(DecideReimbursement command) {
        CaseRules.required(command.decision(), "decision");
        BigDecimal total = reimbursements.mustBePending(command.requestId());
        BigDecimal paid = command.amountPaid() == null ? BigDecimal.ZERO : command.amountPaid();
        boolean denied = command.decision() == ReimbursementDecision.DENIED;
        if (paid.signum() < 0 || paid.compareTo(total) > 0 || denied && paid.signum() != 0
                || command.decision() == ReimbursementDecision.PAID && command.amountPaid() == null) {
            throw new CaseCommandRejected(CaseErrorCode.AMOUNT_PAID_INVALID, "amountPaid");
        }
        CaseRules.requiredText(command.payerReference(), "payerReference");
        CaseRules.optionalText(command.reasonCode(), "reasonCode");
        return applied(new ReimbursementDecided(caseId, command.requestId(), command.decision(), paid,
                command.payerReference(), command.reasonCode()));
    }

    /**
     * Break-glass read access for a case manager not assigned to the case; allowed on closed cases
     * (an emergency does not wait for a case to be open).
     */
    @CommandHandler
    public long handle(GrantEmergencyAccess command, Clock clock) {
        CaseRules.required(command.grantId(), "grantId");
        CaseRules.requiredText(command.userId(), "userId");
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        CaseRules.required(command.expiresAt(), "expiresAt");
        if (!command.expiresAt().isAfter(clock.instant())) {
            throw new CaseCommandRejected(CaseErrorCode.EXPIRY_NOT_IN_FUTURE, "expiresAt");
        }
        if (command.userId().equals(caseManagerId)) {
            throw new CaseCommandRejected(CaseErrorCode.ALREADY_ASSIGNED, "userId");
        }
        return applied(new EmergencyAccessGranted(caseId, command.grantId(), command.userId(), command.reason(),
                command.expiresAt()));
    }

    @CommandHandler
    public long handle(ReassignCaseManager command) {
        mayChange(command.expectedVersion());
        CaseRules.requiredText(command.caseManagerId(), "caseManagerId");
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        if (command.caseManagerId().equals(caseManagerId)) {
            throw new CaseCommandRejected(CaseErrorCode.ALREADY_ASSIGNED, "caseManagerId");
        }
        return applied(new CaseManagerReassigned(caseId, caseManagerId, command.caseManagerId(), command.reason()));
    }

    @CommandHandler
    public long handle(AmendEntry command) {
        mayChange(command.expectedVersion());
        record.mustBeNewEntry(command.amendmentId(), "amendmentId", CaseErrorCode.DUPLICATE_ENTRY);
        EntryType entryType = record.entryType(command.entryId());
        CaseRules.requiredText(command.text(), "text");
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        return applied(new EntryAmended(caseId, command.amendmentId(), command.entryId(), entryType, command.text(),
                command.reason()));
    }

    @CommandHandler
    public long handle(CloseCase command, Clock clock) {
        mayChange(command.expectedVersion());
        CaseRules.required(command.reason(), "reason");
        CaseRules.required(command.closedOn(), "closedOn");
        CaseRules.notAfterToday(command.closedOn(), clock, "closedOn");
        if (command.closedOn().isBefore(openedOn)) {
            throw new CaseCommandRejected(CaseErrorCode.CLOSED_BEFORE_OPENED, "closedOn");
        }
        record.referralsMustHaveFinalOutcomeBeforeClosure();
        return applied(new CaseClosed(caseId, command.reason(), command.summary(), command.closedOn()));
    }

    @CommandHandler
    public long handle(ReopenCase command) {
        expectVersion(command.expectedVersion());
        if (status != CaseStatus.CLOSED) {
            throw new CaseCommandRejected(CaseErrorCode.CASE_NOT_CLOSED);
        }
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        return applied(new CaseReopened(caseId, command.reason()));
    }

    /**
     * A legal hold blocks disposal of the record; allowed whatever the case's status (records are
     * often held long after closure). The matter reference is required: it is what ties the hold
     * to the litigation, audit or investigation.
     */
    @CommandHandler
    public long handle(PlaceLegalHold command) {
        expectVersion(command.expectedVersion());
        CaseRules.required(command.holdId(), "holdId");
        if (legalHolds.contains(command.holdId())) {
            throw new CaseCommandRejected(CaseErrorCode.DUPLICATE_ENTRY, "holdId");
        }
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        CaseRules.requiredText(command.matterReference(), "matterReference");
        return applied(new LegalHoldPlaced(caseId, command.holdId(), command.reason(), command.matterReference()));
    }

    @CommandHandler
    public long handle(ReleaseLegalHold command) {
        expectVersion(command.expectedVersion());
        if (!legalHolds.contains(command.holdId())) {
            throw new CaseCommandRejected(CaseErrorCode.LEGAL_HOLD_NOT_FOUND, "holdId");
        }
        if (!activeLegalHolds.contains(command.holdId())) {
            throw new CaseCommandRejected(CaseErrorCode.LEGAL_HOLD_ALREADY_RELEASED, "holdId");
        }
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        return applied(new LegalHoldReleased(caseId, command.holdId(), command.reason()));
    }

    /**
     * Disposal of a closed case's record: refused before the first day the retention policy
     * allows ("today" in the clock's zone) and while any legal hold applies.
     */
    @CommandHandler
    public long handle(DisposeCaseRecord command, Clock clock, RetentionPolicy policy) {
        expectVersion(command.expectedVersion());
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        if (status != CaseStatus.CLOSED) {
            throw new CaseCommandRejected(CaseErrorCode.DISPOSAL_OF_OPEN_CASE);
        }
        if (!activeLegalHolds.isEmpty()) {
            throw new CaseCommandRejected(CaseErrorCode.LEGAL_HOLD_BLOCKS_DISPOSAL);
        }
        LocalDate retainUntil = policy.retainUntil(closedOn, dateOfBirth);
        if (LocalDate.now(clock).isBefore(retainUntil)) {
            throw new CaseCommandRejected(CaseErrorCode.RETENTION_PERIOD_NOT_OVER);
        }
        return applied(new CaseRecordDisposed(caseId, command.reason(), closedOn, policy));
    }

    /** A disposed record is final: it takes no command at all. */
    @CommandHandlerInterceptor
    Object refuseOnceDisposed(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (disposed) {
            throw new CaseCommandRejected(CaseErrorCode.CASE_DISPOSED);
        }
        return chain.proceed();
    }

    /** On a closed case every command except reopening and recording a disclosure is refused. */
    private void mayChange(Long expectedVersion) {
        expectVersion(expectedVersion);
        if (status == CaseStatus.CLOSED) {
            throw new CaseCommandRejected(CaseErrorCode.CASE_CLOSED);
        }
    }

    /**
     * Axon refuses a command whose expected version is older than the case; an expected
     * version newer than the case can only be a client's mistake and is refused as well.
     */
    private void expectVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new CaseCommandRejected(CaseErrorCode.VERSION_MISMATCH);
        }
    }

    private static void notInTheFuture(Instant time, Clock clock, String field) {
        CaseRules.required(time, field);
        if (time.isAfter(Instant.now(clock).plus(ALLOWED_CLOCK_SKEW))) {
            throw new CaseCommandRejected(CaseErrorCode.DATE_IN_FUTURE, field);
        }
    }

    /** Well-formed codes; whether the clinic bills the service code is the catalog's to say. */
    private static void billable(MeetingBilling billing) {
        if (billing.serviceCode() == null || !ServiceCode.isWellFormed(billing.serviceCode())) {
            throw new CaseCommandRejected(CaseErrorCode.INVALID_SERVICE_CODE, "billing.serviceCode");
        }
        if (billing.placeOfService() == null || !PlaceOfService.isWellFormed(billing.placeOfService())) {
            throw new CaseCommandRejected(CaseErrorCode.INVALID_PLACE_OF_SERVICE, "billing.placeOfService");
        }
    }

    private long applied(CaseEvent event) {
        apply(event);
        return version;
    }

    /** Every event moves the version; most also add to what later decisions need. */
    @EventSourcingHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        version = sequence;
        if (event instanceof CaseOpened opened) {
            caseId = opened.caseId();
            status = CaseStatus.OPEN;
            openedOn = opened.openedOn();
            caseManagerId = opened.caseManagerId();
            dateOfBirth = opened.client() == null ? null : opened.client().dateOfBirth();
        } else if (event instanceof CaseClosed closed) {
            status = CaseStatus.CLOSED;
            closedOn = closed.closedOn();
        } else if (event instanceof CaseReopened) {
            status = CaseStatus.OPEN;
            closedOn = null;
        } else if (event instanceof LegalHoldPlaced hold) {
            legalHolds.add(hold.holdId());
            activeLegalHolds.add(hold.holdId());
        } else if (event instanceof LegalHoldReleased released) {
            activeLegalHolds.remove(released.holdId());
        } else if (event instanceof CaseRecordDisposed) {
            disposed = true;
            dateOfBirth = null;
        } else if (event instanceof CaseManagerReassigned reassigned) {
            caseManagerId = reassigned.caseManagerId();
        } else if (event instanceof MeetingScheduled scheduled) {
            scheduledMeetings.scheduled(scheduled.scheduledMeetingId(), scheduled.scheduledFor());
        } else if (event instanceof ScheduledMeetingCancelled cancelled) {
            scheduledMeetings.ended(cancelled.scheduledMeetingId());
        } else if (event instanceof ScheduledMeetingMissed missed) {
            scheduledMeetings.ended(missed.scheduledMeetingId());
        } else if (event instanceof MeetingRecorded meeting) {
            record.recordEntry(meeting.meetingId(), EntryType.MEETING);
            if (meeting.scheduledMeetingId() != null) {
                scheduledMeetings.ended(meeting.scheduledMeetingId());
            }
            if (meeting.billing() != null) {
                reimbursements.meetingBillable(meeting.meetingId());
            }
        } else if (event instanceof ReimbursementRequested requested) {
            reimbursements.requested(requested);
        } else if (event instanceof ReimbursementDecided decided) {
            reimbursements.decided(decided);
        } else if (event instanceof ReferralAdded added) {
            record.recordReferral(added);
        } else if (event instanceof ReferralOutcomeRecorded outcome) {
            record.recordReferralOutcome(outcome);
        } else if (event instanceof AssessmentRecorded assessment) {
            record.recordEntry(assessment.assessmentId(), EntryType.ASSESSMENT);
        } else if (event instanceof DiagnosisRecorded diagnosis) {
            record.recordDiagnosis(diagnosis);
        } else if (event instanceof DiagnosisResolved resolved) {
            record.recordDiagnosisResolved(resolved.diagnosisId());
        } else if (event instanceof TreatmentPlanSet plan) {
            record.recordPlan(plan);
        } else if (event instanceof GoalProgressRecorded progress) {
            record.recordEntry(progress.progressId(), EntryType.GOAL_PROGRESS);
        } else if (event instanceof ProviderReportReceived report) {
            record.recordEntry(report.reportId(), EntryType.PROVIDER_REPORT);
        } else if (event instanceof FollowUpScheduled followUp) {
            record.recordFollowUp(followUp.followUpId(), false);
        } else if (event instanceof FollowUpCompleted completed) {
            record.recordFollowUp(completed.followUpId(), true);
        } else if (event instanceof EducationProvided education) {
            record.recordEntry(education.educationId(), EntryType.EDUCATION);
        } else if (event instanceof FamilyMemberAdded member) {
            record.recordEntry(member.memberId(), EntryType.FAMILY_MEMBER);
        } else if (event instanceof ConsentRecorded consent) {
            record.recordConsent(consent);
        } else if (event instanceof ConsentRevoked revoked) {
            record.recordConsentRevoked(revoked.consentId());
        } else if (event instanceof EntryAmended amended) {
            record.recordAmendment(amended.amendmentId());
        } else if (event instanceof CoverageAdded coverage) {
            coverages.added(coverage);
        } else if (event instanceof CoverageEnded ended) {
            coverages.ended(ended.coverageId(), ended.endedOn());
        } else if (event instanceof DisclosureRecorded disclosure) {
            record.recordDisclosure(disclosure.disclosureId());
        }
    }
}
