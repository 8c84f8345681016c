package org.caserecord.domain.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.caserecord.domain.commands.AddReferral;
import org.caserecord.domain.commands.CloseCase;
import org.caserecord.domain.commands.OpenCase;
import org.caserecord.domain.commands.RecordMeeting;
import org.caserecord.domain.commands.RecordReferralOutcome;
import org.caserecord.domain.commands.ReopenCase;
import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.ReferralAccepted;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralCancelled;
import org.caserecord.domain.events.ReferralCompleted;
import org.caserecord.domain.events.ReferralDeclined;
import org.caserecord.domain.events.ReferralOutcomeRecorded;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.ReferralStatus;

/**
 * One client's case: the consistency boundary for every decision about it. Holds only what
 * those decisions need. Command handlers validate and apply; event-sourcing handlers only
 * assign state. Time comes from an injected {@link Clock}; ids come on the commands.
 * Command handlers return the case version after the change (the last event's sequence).
 */
@AggregateRoot(type = "CaseFile")
public class CaseFile {

    /** Clocks on clinic machines drift; a meeting stamped a little ahead of ours is not "in the future". */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(1);

    @AggregateIdentifier
    private UUID caseId;
    private CaseStatus status;
    private LocalDate openedOn;
    private final Map<UUID, ReferralStatus> referrals = new HashMap<>();
    private final Set<UUID> meetingIds = new HashSet<>();
    private long version;

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
        expectVersion(command.expectedVersion());
        mustBeOpen();
        CaseRules.required(command.meetingId(), "meetingId");
        CaseRules.required(command.type(), "type");
        CaseRules.required(command.occurredAt(), "occurredAt");
        CaseRules.required(command.durationMinutes(), "durationMinutes");
        if (command.occurredAt().isAfter(Instant.now(clock).plus(ALLOWED_CLOCK_SKEW))) {
            throw new CaseCommandRejected(CaseErrorCode.DATE_IN_FUTURE, "occurredAt");
        }
        if (command.durationMinutes() < 1 || command.durationMinutes() > 1440) {
            throw new CaseCommandRejected(CaseErrorCode.DURATION_OUT_OF_RANGE, "durationMinutes");
        }
        if (meetingIds.contains(command.meetingId())) {
            throw new CaseCommandRejected(CaseErrorCode.DUPLICATE_MEETING, "meetingId");
        }
        apply(new MeetingRecorded(caseId, command.meetingId(), command.type(), command.occurredAt(),
                command.durationMinutes(), command.attendees(), command.notes()));
        return version;
    }

    @CommandHandler
    public long handle(AddReferral command) {
        expectVersion(command.expectedVersion());
        mustBeOpen();
        CaseRules.required(command.referralId(), "referralId");
        CaseRules.required(command.provider(), "provider");
        CaseRules.requiredText(command.provider().name(), "provider.name");
        CaseRules.requiredText(command.provider().type(), "provider.type");
        CaseRules.required(command.urgency(), "urgency");
        if (referrals.containsKey(command.referralId())) {
            throw new CaseCommandRejected(CaseErrorCode.DUPLICATE_REFERRAL, "referralId");
        }
        apply(new ReferralAdded(caseId, command.referralId(), command.provider(), command.reason(),
                command.urgency()));
        return version;
    }

    @CommandHandler
    public long handle(RecordReferralOutcome command) {
        expectVersion(command.expectedVersion());
        mustBeOpen();
        CaseRules.required(command.outcome(), "outcome");
        ReferralStatus current = referrals.get(command.referralId());
        if (current == null) {
            throw new CaseCommandRejected(CaseErrorCode.REFERRAL_NOT_FOUND, "referralId");
        }
        if (command.outcome().requiresReason()) {
            CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        }
        if (!current.allowedOutcomes().contains(command.outcome())) {
            throw new CaseCommandRejected(CaseErrorCode.REFERRAL_TRANSITION_NOT_ALLOWED, "outcome");
        }
        UUID referralId = command.referralId();
        String reason = command.reason();
        apply(switch (command.outcome()) {
            case ACCEPTED -> new ReferralAccepted(caseId, referralId, reason);
            case DECLINED -> new ReferralDeclined(caseId, referralId, reason);
            case COMPLETED -> new ReferralCompleted(caseId, referralId, reason);
            case CANCELLED -> new ReferralCancelled(caseId, referralId, reason);
        });
        return version;
    }

    @CommandHandler
    public long handle(CloseCase command, Clock clock) {
        expectVersion(command.expectedVersion());
        mustBeOpen();
        CaseRules.required(command.reason(), "reason");
        CaseRules.required(command.closedOn(), "closedOn");
        CaseRules.notAfterToday(command.closedOn(), clock, "closedOn");
        if (command.closedOn().isBefore(openedOn)) {
            throw new CaseCommandRejected(CaseErrorCode.CLOSED_BEFORE_OPENED, "closedOn");
        }
        referralsMustHaveFinalOutcomeBeforeClosure();
        apply(new CaseClosed(caseId, command.reason(), command.summary(), command.closedOn()));
        return version;
    }

    @CommandHandler
    public long handle(ReopenCase command) {
        expectVersion(command.expectedVersion());
        if (status != CaseStatus.CLOSED) {
            throw new CaseCommandRejected(CaseErrorCode.CASE_NOT_CLOSED);
        }
        CaseRules.requiredText(command.reason(), "reason", CaseErrorCode.REASON_REQUIRED);
        apply(new CaseReopened(caseId, command.reason()));
        return version;
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

    private void mustBeOpen() {
        if (status == CaseStatus.CLOSED) {
            throw new CaseCommandRejected(CaseErrorCode.CASE_CLOSED);
        }
    }

    private void referralsMustHaveFinalOutcomeBeforeClosure() {
        if (referrals.values().stream().anyMatch(ReferralStatus::isOpen)) {
            throw new CaseCommandRejected(CaseErrorCode.OPEN_REFERRALS_BLOCK_CLOSURE);
        }
    }

    @EventSourcingHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        caseId = event.caseId();
        status = CaseStatus.OPEN;
        openedOn = event.openedOn();
        version = sequence;
    }

    @EventSourcingHandler
    void on(MeetingRecorded event, @SequenceNumber long sequence) {
        meetingIds.add(event.meetingId());
        version = sequence;
    }

    @EventSourcingHandler
    void on(ReferralAdded event, @SequenceNumber long sequence) {
        referrals.put(event.referralId(), ReferralStatus.PENDING);
        version = sequence;
    }

    @EventSourcingHandler
    void on(ReferralOutcomeRecorded event, @SequenceNumber long sequence) {
        referrals.put(event.referralId(), event.resultingStatus());
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseClosed event, @SequenceNumber long sequence) {
        status = CaseStatus.CLOSED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(CaseReopened event, @SequenceNumber long sequence) {
        status = CaseStatus.OPEN;
        version = sequence;
    }
}
