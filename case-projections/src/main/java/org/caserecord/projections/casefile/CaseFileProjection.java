package org.caserecord.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.caserecord.domain.events.AssessmentRecorded;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseManagerReassigned;
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
import org.caserecord.domain.events.ProviderReportReceived;
import org.caserecord.domain.events.TreatmentPlanSet;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.LegalHoldPlaced;
import org.caserecord.domain.events.LegalHoldReleased;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.MeetingScheduled;
import org.caserecord.domain.events.ScheduledMeetingCancelled;
import org.caserecord.domain.events.ScheduledMeetingMissed;
import org.caserecord.domain.events.ReferralAccepted;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralDeclined;
import org.caserecord.domain.events.ReferralOutcomeRecorded;
import org.caserecord.domain.events.ReimbursementDecided;
import org.caserecord.domain.events.ReimbursementRequested;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.ClaimLine;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.EntryType;
import org.caserecord.domain.retention.RetentionPolicy;
import org.caserecord.projections.support.DisposedCaseReplay;
import org.caserecord.projections.support.JsonDocuments;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the case file read model (tables case_file, case_file_meeting,
 * case_file_meeting_attendee, case_file_referral, and for the clinical record
 * case_file_entry, case_file_amendment, case_file_treatment_plan; the accounting of disclosures,
 * case_disclosure; for retention the legal holds, case_legal_hold; and the scheduled meetings,
 * case_scheduled_meeting). Every handler first advances the case's
 * version; when the event is not newer than what the row already reflects it was applied
 * before, and nothing else is written. The rows and the processor's token commit together.
 */
@Component
@ProcessingGroup(CaseFileProjection.PROCESSING_GROUP)
public class CaseFileProjection {

    public static final String PROCESSING_GROUP = "case-file";

    /** Every table of this read model holding rows of one case, children before parents. */
    private static final List<String> CASE_ROWS = List.of(
            "DELETE FROM case_file_meeting_attendee WHERE meeting_id IN "
                    + "(SELECT meeting_id FROM case_file_meeting WHERE case_id = :caseId)",
            "DELETE FROM case_file_meeting WHERE case_id = :caseId",
            "DELETE FROM case_file_referral WHERE case_id = :caseId",
            "DELETE FROM case_file_entry WHERE case_id = :caseId",
            "DELETE FROM case_file_amendment WHERE case_id = :caseId",
            "DELETE FROM case_file_treatment_plan WHERE case_id = :caseId",
            "DELETE FROM case_file_closure WHERE case_id = :caseId",
            "DELETE FROM case_disclosure WHERE case_id = :caseId",
            "DELETE FROM case_emergency_access WHERE case_id = :caseId",
            "DELETE FROM case_coverage WHERE case_id = :caseId",
            "DELETE FROM case_claim_line WHERE case_id = :caseId",
            "DELETE FROM case_reimbursement_request WHERE case_id = :caseId",
            "DELETE FROM case_legal_hold WHERE case_id = :caseId",
            "DELETE FROM case_scheduled_meeting WHERE case_id = :caseId",
            "DELETE FROM case_file WHERE case_id = :caseId");

    private final JdbcClient jdbc;
    private final RetentionPolicy retentionPolicy;
    private final DisposedCaseReplay replay;

    public CaseFileProjection(JdbcClient jdbc, RetentionPolicy retentionPolicy, DisposedCaseReplay replay) {
        this.jdbc = jdbc;
        this.retentionPolicy = retentionPolicy;
        this.replay = replay;
    }

    /**
     * Before a replay: empties every table of this read model (the others reference case_file),
     * in the same transaction as the processor's tokens are reset.
     */
    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE case_file CASCADE").update();
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO case_file (case_id, version, status, client_name, client_date_of_birth,
                                               case_manager_id, opened_on, referral_source, presenting_concerns,
                                               recorded_at, updated_at)
                        VALUES (:caseId, :version, :status, :clientName, :dateOfBirth,
                                :caseManagerId, :openedOn, :referralSource, :presentingConcerns,
                                :recordedAt, :recordedAt)
                        ON CONFLICT (case_id) DO NOTHING
                        """)
                .param("caseId", event.caseId())
                .param("version", sequence)
                .param("status", CaseStatus.OPEN.name())
                .param("clientName", event.client().name())
                .param("dateOfBirth", event.client().dateOfBirth())
                .param("caseManagerId", event.caseManagerId())
                .param("openedOn", event.openedOn())
                .param("referralSource", event.referralSource())
                .param("presentingConcerns", event.presentingConcerns())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .update();
    }

    /**
     * The most frequent event, so it is one statement: advance the case's version, and only
     * if that happened (not a redelivery) insert the meeting and its attendees.
     */
    @EventHandler
    void on(MeetingRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        jdbc.sql("""
                        WITH advanced AS (
                            UPDATE case_file SET version = :sequence, updated_at = :recordedAt
                             WHERE case_id = :caseId AND version < :sequence
                            RETURNING case_id
                        ), meeting AS (
                            INSERT INTO case_file_meeting (meeting_id, case_id, sequence, type, occurred_at,
                                                           duration_minutes, notes, recorded_at, recorded_by)
                            SELECT :meetingId, case_id, :sequence, :type, :occurredAt,
                                   :durationMinutes, :notes, :recordedAt, :recordedBy
                              FROM advanced
                            ON CONFLICT (meeting_id) DO NOTHING
                            RETURNING meeting_id
                        )
                        INSERT INTO case_file_meeting_attendee (meeting_id, position, name, role)
                        SELECT meeting.meeting_id, attendee.position - 1, attendee.name, attendee.role
                          FROM meeting,
                               unnest(CAST(:names AS text[]), CAST(:roles AS text[]))
                                   WITH ORDINALITY AS attendee(name, role, position)
                        ON CONFLICT (meeting_id, position) DO NOTHING
                        """)
                .param("sequence", sequence)
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("caseId", event.caseId())
                .param("meetingId", event.meetingId())
                .param("type", event.type().name())
                .param("occurredAt", SqlTime.utc(event.occurredAt()))
                .param("durationMinutes", event.durationMinutes())
                .param("notes", event.notes())
                .param("recordedBy", actor)
                .param("names", event.attendees().stream().map(Attendee::name).toArray(String[]::new))
                .param("roles", event.attendees().stream().map(Attendee::role).toArray(String[]::new))
                .update();
        if (event.scheduledMeetingId() != null) {
            // Idempotent on redelivery: the same meeting ends the same schedule.
            endScheduledMeeting(event.caseId(), event.scheduledMeetingId(), "HELD", event.meetingId(), null,
                    recordedAt);
        }
    }

    @EventHandler
    void on(ReferralAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_file_referral (referral_id, case_id, sequence, provider_name, provider_type,
                                                        provider_resource_id, provider_contact,
                                                        reason, urgency, status, added_at, updated_at)
                        VALUES (:referralId, :caseId, :sequence, :providerName, :providerType,
                                :resourceId, :contact,
                                :reason, :urgency, 'PENDING', :recordedAt, :recordedAt)
                        ON CONFLICT (referral_id) DO NOTHING
                        """)
                .param("referralId", event.referralId())
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("providerName", event.provider().name())
                .param("providerType", event.provider().type())
                .param("resourceId", event.provider().resourceId())
                .param("contact", event.provider().contact())
                .param("reason", event.reason())
                .param("urgency", event.urgency().name())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(ReferralOutcomeRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        UPDATE case_file_referral
                           SET status = :status, outcome_reason = :reason, updated_at = :recordedAt,
                               decline_reason = CAST(:declineReason AS varchar),
                               answer = COALESCE(answer, CAST(:answer AS varchar)),
                               answered_at = CASE WHEN CAST(:answer AS varchar) IS NULL THEN answered_at
                                                  ELSE COALESCE(answered_at, :recordedAt) END
                         WHERE referral_id = :referralId AND case_id = :caseId
                        """)
                .param("caseId", event.caseId())
                .param("status", event.resultingStatus().name())
                .param("reason", event.reason())
                .param("declineReason", event instanceof ReferralDeclined declined && declined.declineReason() != null
                        ? declined.declineReason().name() : null)
                .param("answer", answer(event))
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("referralId", event.referralId())
                .update();
    }

    /** A referral's first answer from the resource: accepted or declined (cancelling is the clinic's). */
    private static String answer(ReferralOutcomeRecorded event) {
        return event instanceof ReferralAccepted || event instanceof ReferralDeclined
                ? event.resultingStatus().name() : null;
    }

    @EventHandler
    void on(CaseClosed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        UPDATE case_file
                           SET status = 'CLOSED', closed_on = :closedOn, closure_reason = :reason,
                               closure_summary = :summary, reopen_reason = NULL, retain_until = :retainUntil
                         WHERE case_id = :caseId
                        """)
                .param("closedOn", event.closedOn())
                .param("retainUntil", retentionPolicy.retainUntil(event.closedOn(), dateOfBirth(event.caseId())))
                .param("reason", event.reason().name())
                .param("summary", event.summary())
                .param("caseId", event.caseId())
                .update();
        jdbc.sql("""
                        INSERT INTO case_file_closure (case_id, sequence, closed_on, reason)
                        VALUES (:caseId, :sequence, :closedOn, :reason)
                        ON CONFLICT (case_id, sequence) DO NOTHING
                        """)
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("closedOn", event.closedOn())
                .param("reason", event.reason().name())
                .update();
    }

    @EventHandler
    void on(CaseReopened event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        UPDATE case_file
                           SET status = 'OPEN', closed_on = NULL, closure_reason = NULL,
                               closure_summary = NULL, reopen_reason = :reason, retain_until = NULL
                         WHERE case_id = :caseId
                        """)
                .param("reason", event.reason())
                .param("caseId", event.caseId())
                .update();
    }

    @EventHandler
    void on(AssessmentRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        insertEntry(event.caseId(), event.assessmentId(), sequence, EntryType.ASSESSMENT, event.occurredAt(),
                new AssessmentView(event.assessmentId(), event.type(), event.occurredAt(), event.summary(),
                        event.needs(), event.riskLevel(), recordedAt, actor, List.of()));
        if (event.riskLevel() != null) {
            // The case's risk level is the one assessed last in the world, not the one typed in last.
            jdbc.sql("""
                            UPDATE case_file SET risk_level = :riskLevel, risk_assessed_at = :occurredAt
                             WHERE case_id = :caseId
                               AND (risk_assessed_at IS NULL OR risk_assessed_at <= :occurredAt)
                            """)
                    .param("riskLevel", event.riskLevel().name())
                    .param("occurredAt", SqlTime.utc(event.occurredAt()))
                    .param("caseId", event.caseId())
                    .update();
        }
    }

    @EventHandler
    void on(DiagnosisRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            insertEntry(event.caseId(), event.diagnosisId(), sequence, EntryType.DIAGNOSIS, null,
                    new DiagnosisView(event.diagnosisId(), event.code(), event.description(), event.primary(),
                            event.diagnosedBy(), event.diagnosedOn(), DiagnosisView.Status.ACTIVE, null, null,
                            recordedAt, actor, List.of()));
        }
    }

    @EventHandler
    void on(DiagnosisResolved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            updateEntry(event.diagnosisId(), DiagnosisView.class,
                    diagnosis -> diagnosis.resolved(event.resolvedOn(), event.reason()));
        }
    }

    @EventHandler
    void on(TreatmentPlanSet event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_file_treatment_plan (case_id, plan_version, sequence, document,
                                                              recorded_at, recorded_by)
                        VALUES (:caseId, :planVersion, :sequence, CAST(:document AS jsonb), :recordedAt, :recordedBy)
                        ON CONFLICT (case_id, plan_version) DO NOTHING
                        """)
                .param("caseId", event.caseId())
                .param("planVersion", event.planVersion())
                .param("sequence", sequence)
                .param("document", JsonDocuments.write(new TreatmentPlanView(event.planVersion(), event.goals(),
                        event.interventions(), event.reviewBy(), recordedAt, actor)))
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("recordedBy", actor)
                .update();
        jdbc.sql("UPDATE case_file SET plan_version = :planVersion WHERE case_id = :caseId")
                .param("planVersion", event.planVersion())
                .param("caseId", event.caseId())
                .update();
    }

    @EventHandler
    void on(GoalProgressRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            insertEntry(event.caseId(), event.progressId(), sequence, EntryType.GOAL_PROGRESS, event.occurredAt(),
                    new GoalProgressView(event.progressId(), event.goalId(), event.occurredAt(), event.rating(),
                            event.note(), recordedAt, actor, List.of()));
        }
    }

    @EventHandler
    void on(ProviderReportReceived event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            insertEntry(event.caseId(), event.reportId(), sequence, EntryType.PROVIDER_REPORT, null,
                    new ProviderReportView(event.reportId(), event.provider(), event.receivedOn(), event.periodFrom(),
                            event.periodTo(), event.summary(), recordedAt, actor, List.of()));
        }
    }

    @EventHandler
    void on(FollowUpScheduled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            insertEntry(event.caseId(), event.followUpId(), sequence, EntryType.FOLLOW_UP, null,
                    new FollowUpView(event.followUpId(), event.dueOn(), event.purpose(), FollowUpView.Status.SCHEDULED,
                            null, null, null, recordedAt, actor, List.of()));
        }
    }

    @EventHandler
    void on(FollowUpCompleted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            updateEntry(event.followUpId(), FollowUpView.class, followUp -> followUp.completed(event.occurredAt(),
                    event.outcome(), event.clientSatisfiedWithTreatment()));
        }
    }

    @EventHandler
    void on(EducationProvided event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            insertEntry(event.caseId(), event.educationId(), sequence, EntryType.EDUCATION, event.occurredAt(),
                    new EducationView(event.educationId(), event.occurredAt(), event.recipient(),
                            event.recipientName(), event.topic(), event.format(), event.materials(), recordedAt,
                            actor, List.of()));
        }
    }

    @EventHandler
    void on(FamilyMemberAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            insertEntry(event.caseId(), event.memberId(), sequence, EntryType.FAMILY_MEMBER, null,
                    new FamilyMemberView(event.memberId(), event.name(), event.relationship(), event.contact(),
                            event.involvedInTreatment(), recordedAt, actor, List.of()));
        }
    }

    @EventHandler
    void on(ConsentRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            insertEntry(event.caseId(), event.consentId(), sequence, EntryType.CONSENT, null,
                    new ConsentView(event.consentId(), event.scope(), event.grantedTo(), event.grantedOn(),
                            event.validUntil(), ConsentView.Status.ACTIVE, null, recordedAt, actor, List.of()));
        }
    }

    @EventHandler
    void on(ConsentRevoked event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            updateEntry(event.consentId(), ConsentView.class, consent -> consent.revoked(event.revokedOn()));
        }
    }

    @EventHandler
    void on(CaseManagerReassigned event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            jdbc.sql("UPDATE case_file SET case_manager_id = :caseManagerId WHERE case_id = :caseId")
                    .param("caseManagerId", event.caseManagerId())
                    .param("caseId", event.caseId())
                    .update();
        }
    }

    @EventHandler
    void on(EntryAmended event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_file_amendment (amendment_id, case_id, entry_id, entry_type, sequence, text,
                                                         reason, recorded_at, recorded_by)
                        VALUES (:amendmentId, :caseId, :entryId, :entryType, :sequence, :text,
                                :reason, :recordedAt, :recordedBy)
                        ON CONFLICT (amendment_id) DO NOTHING
                        """)
                .param("amendmentId", event.amendmentId())
                .param("caseId", event.caseId())
                .param("entryId", event.entryId())
                .param("entryType", event.entryType().name())
                .param("sequence", sequence)
                .param("text", event.text())
                .param("reason", event.reason())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("recordedBy", actor)
                .update();
    }

    @EventHandler
    void on(DisclosureRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_disclosure (disclosure_id, case_id, sequence, recipient_name,
                                                     recipient_organization, recipient_address, purpose, description,
                                                     legal_basis, disclosed_on, export_id, export_format,
                                                     recorded_at, recorded_by)
                        VALUES (:disclosureId, :caseId, :sequence, :recipientName, :recipientOrganization,
                                :recipientAddress, :purpose, :description, :legalBasis, :disclosedOn, :exportId,
                                :exportFormat, :recordedAt, :recordedBy)
                        ON CONFLICT (disclosure_id) DO NOTHING
                        """)
                .param("disclosureId", event.disclosureId())
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("recipientName", event.recipient().name())
                .param("recipientOrganization", event.recipient().organization())
                .param("recipientAddress", event.recipient().address())
                .param("purpose", event.purpose().name())
                .param("description", event.description())
                .param("legalBasis", event.legalBasis())
                .param("disclosedOn", event.disclosedOn())
                .param("exportId", event.exportId())
                .param("exportFormat", event.exportFormat() == null ? null : event.exportFormat().name())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("recordedBy", actor)
                .update();
    }

    @EventHandler
    void on(CoverageAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_coverage (coverage_id, case_id, sequence, payer_id, payer_name, plan_name,
                                                   member_id, group_number, subscriber_relationship, effective_from,
                                                   effective_to, priority, recorded_at)
                        VALUES (:coverageId, :caseId, :sequence, :payerId, :payerName, :planName, :memberId,
                                :groupNumber, :relationship, :from, :to, :priority, :recordedAt)
                        ON CONFLICT (coverage_id) DO NOTHING
                        """)
                .param("coverageId", event.coverageId())
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("payerId", event.payerId())
                .param("payerName", event.payerName())
                .param("planName", event.planName())
                .param("memberId", event.memberId())
                .param("groupNumber", event.groupNumber())
                .param("relationship", event.subscriberRelationship().name())
                .param("from", event.effectiveFrom())
                .param("to", event.effectiveTo())
                .param("priority", event.priority().name())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(CoverageEnded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            jdbc.sql("UPDATE case_coverage SET effective_to = :endedOn, ended = true WHERE coverage_id = :coverageId")
                    .param("endedOn", event.endedOn())
                    .param("coverageId", event.coverageId())
                    .update();
        }
    }

    @EventHandler
    void on(ReimbursementRequested event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_reimbursement_request (request_id, case_id, coverage_id, payer_id, period_from,
                                                                period_to, total, status, requested_at)
                        VALUES (:requestId, :caseId, :coverageId, :payerId, :from, :to, :total, 'PENDING',
                                :requestedAt)
                        ON CONFLICT (request_id) DO NOTHING
                        """)
                .param("requestId", event.requestId())
                .param("caseId", event.caseId())
                .param("coverageId", event.coverageId())
                .param("payerId", event.payerId())
                .param("from", event.periodFrom())
                .param("to", event.periodTo())
                .param("total", event.total())
                .param("requestedAt", SqlTime.utc(recordedAt))
                .update();
        int number = 0;
        for (ClaimLine line : event.lines()) {
            jdbc.sql("""
                            INSERT INTO case_claim_line (request_id, line_number, case_id, meeting_id, date_of_service,
                                                         service_code, modifiers, units, unit_rate, charge,
                                                         place_of_service, rendering_npi, diagnosis_codes)
                            VALUES (:requestId, :number, :caseId, :meetingId, :dateOfService, :serviceCode,
                                    :modifiers, :units, :unitRate, :charge, :placeOfService, :npi, :diagnoses)
                            ON CONFLICT (request_id, line_number) DO NOTHING
                            """)
                    .param("requestId", event.requestId())
                    .param("number", ++number)
                    .param("caseId", event.caseId())
                    .param("meetingId", line.meetingId())
                    .param("dateOfService", line.dateOfService())
                    .param("serviceCode", line.serviceCode())
                    .param("modifiers", line.modifiers().toArray(String[]::new))
                    .param("units", line.units())
                    .param("unitRate", line.unitRate())
                    .param("charge", line.charge())
                    .param("placeOfService", line.placeOfService())
                    .param("npi", line.renderingNpi())
                    .param("diagnoses", line.diagnosisCodes().toArray(String[]::new))
                    .update();
        }
    }

    @EventHandler
    void on(ReimbursementDecided event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            jdbc.sql("""
                            UPDATE case_reimbursement_request
                               SET status = :status, amount_paid = :amountPaid, payer_reference = :reference,
                                   reason_code = :reasonCode, decided_at = :decidedAt
                             WHERE request_id = :requestId""")
                    .param("status", event.decision().name())
                    .param("amountPaid", event.amountPaid())
                    .param("reference", event.payerReference())
                    .param("reasonCode", event.reasonCode())
                    .param("decidedAt", SqlTime.utc(recordedAt))
                    .param("requestId", event.requestId())
                    .update();
        }
    }

    @EventHandler
    void on(EmergencyAccessGranted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_emergency_access (grant_id, case_id, user_id, granted_at, expires_at)
                        VALUES (:grantId, :caseId, :userId, :grantedAt, :expiresAt)
                        ON CONFLICT (grant_id) DO NOTHING
                        """)
                .param("grantId", event.grantId())
                .param("caseId", event.caseId())
                .param("userId", event.userId())
                .param("grantedAt", SqlTime.utc(recordedAt))
                .param("expiresAt", SqlTime.utc(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(LegalHoldPlaced event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_legal_hold (hold_id, case_id, sequence, matter_reference, reason,
                                                     placed_at, placed_by)
                        VALUES (:holdId, :caseId, :sequence, :matterReference, :reason, :placedAt, :placedBy)
                        ON CONFLICT (hold_id) DO NOTHING
                        """)
                .param("holdId", event.holdId())
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("matterReference", event.matterReference())
                .param("reason", event.reason())
                .param("placedAt", SqlTime.utc(recordedAt))
                .param("placedBy", actor)
                .update();
    }

    @EventHandler
    void on(LegalHoldReleased event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        UPDATE case_legal_hold
                           SET released_at = :releasedAt, released_by = :releasedBy, release_reason = :reason
                         WHERE hold_id = :holdId AND case_id = :caseId
                        """)
                .param("releasedAt", SqlTime.utc(recordedAt))
                .param("releasedBy", actor)
                .param("reason", event.reason())
                .param("holdId", event.holdId())
                .param("caseId", event.caseId())
                .update();
    }

    /**
     * The case's data key is gone, so its earlier events now read with placeholders where their
     * personal data was. Every row of the case is removed and rebuilt from those events, exactly
     * as a replay of the whole read model would rebuild it; then the disposal is recorded. The
     * retain-until date goes: for a former minor it would give away the date of birth.
     */
    @EventHandler
    void on(CaseRecordDisposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        for (String delete : CASE_ROWS) {
            jdbc.sql(delete).param("caseId", event.caseId()).update();
        }
        replay.replay(event.caseId(), sequence, this);
        jdbc.sql("""
                        UPDATE case_file
                           SET version = :sequence, updated_at = :recordedAt, retain_until = NULL,
                               disposed_at = :recordedAt, disposed_by = :actor
                         WHERE case_id = :caseId
                        """)
                .param("sequence", sequence)
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("actor", actor)
                .param("caseId", event.caseId())
                .update();
    }

    @EventHandler
    void on(MeetingScheduled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_scheduled_meeting (scheduled_meeting_id, case_id, sequence, type, scheduled_for,
                                                            planned_minutes, attendees, location, purpose, status,
                                                            scheduled_at, scheduled_by)
                        VALUES (:id, :caseId, :sequence, :type, :scheduledFor, :plannedMinutes, CAST(:attendees AS jsonb),
                                :location, :purpose, 'SCHEDULED', :recordedAt, :actor)
                        ON CONFLICT (scheduled_meeting_id) DO NOTHING
                        """)
                .param("id", event.scheduledMeetingId())
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("type", event.type().name())
                .param("scheduledFor", SqlTime.utc(event.scheduledFor()))
                .param("plannedMinutes", event.plannedMinutes())
                .param("attendees", JsonDocuments.write(event.attendees()))
                .param("location", event.location())
                .param("purpose", event.purpose())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("actor", actor)
                .update();
    }

    @EventHandler
    void on(ScheduledMeetingCancelled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            endScheduledMeeting(event.caseId(), event.scheduledMeetingId(), "CANCELLED", null, event.reason(),
                    recordedAt);
        }
    }

    @EventHandler
    void on(ScheduledMeetingMissed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advance(event.caseId(), sequence, recordedAt)) {
            endScheduledMeeting(event.caseId(), event.scheduledMeetingId(), "MISSED", null, null, recordedAt);
        }
    }

    private void endScheduledMeeting(UUID caseId, UUID scheduledMeetingId, String status, UUID meetingId,
                                     String reason, Instant at) {
        jdbc.sql("""
                        UPDATE case_scheduled_meeting
                           SET status = :status, meeting_id = :meetingId, cancellation_reason = :reason, ended_at = :at
                         WHERE scheduled_meeting_id = :id AND case_id = :caseId
                        """)
                .param("status", status)
                .param("meetingId", meetingId)
                .param("reason", reason)
                .param("at", SqlTime.utc(at))
                .param("id", scheduledMeetingId)
                .param("caseId", caseId)
                .update();
    }

    private LocalDate dateOfBirth(UUID caseId) {
        return jdbc.sql("SELECT client_date_of_birth FROM case_file WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .list()
                .stream()
                .findFirst()
                .flatMap(dateOfBirth -> dateOfBirth)
                .orElse(null);
    }

    private void insertEntry(UUID caseId, UUID entryId, long sequence, EntryType kind, Instant occurredAt,
                             Object document) {
        jdbc.sql("""
                        INSERT INTO case_file_entry (entry_id, case_id, sequence, kind, occurred_at, document)
                        VALUES (:entryId, :caseId, :sequence, :kind, :occurredAt, CAST(:document AS jsonb))
                        ON CONFLICT (entry_id) DO NOTHING
                        """)
                .param("entryId", entryId)
                .param("caseId", caseId)
                .param("sequence", sequence)
                .param("kind", kind.name())
                .param("occurredAt", SqlTime.utc(occurredAt))
                .param("document", JsonDocuments.write(document))
                .update();
    }

    private <T> void updateEntry(UUID entryId, Class<T> type, UnaryOperator<T> change) {
        jdbc.sql("SELECT document::text FROM case_file_entry WHERE entry_id = :entryId")
                .param("entryId", entryId)
                .query(String.class)
                .optional()
                .ifPresent(document -> jdbc.sql("""
                                UPDATE case_file_entry SET document = CAST(:document AS jsonb) WHERE entry_id = :entryId
                                """)
                        .param("document", JsonDocuments.write(change.apply(JsonDocuments.read(document, type))))
                        .param("entryId", entryId)
                        .update());
    }

    /**
     * Moves the case to this event's sequence number. Answers false when the row already
     * reflects the event (a redelivery), so the caller writes nothing more.
     */
    private boolean advance(UUID caseId, long sequence, Instant recordedAt) {
        return jdbc.sql("""
                        UPDATE case_file SET version = :sequence, updated_at = :recordedAt
                         WHERE case_id = :caseId AND version < :sequence
                        """)
                .param("sequence", sequence)
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("caseId", caseId)
                .update() == 1;
    }
}
