package org.caserecord.projections.caseload;

import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.caserecord.domain.events.AssessmentRecorded;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseEvent;
import org.caserecord.domain.events.CaseManagerReassigned;
import org.caserecord.domain.events.FollowUpCompleted;
import org.caserecord.domain.events.FollowUpScheduled;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.MeetingScheduled;
import org.caserecord.domain.events.ScheduledMeetingCancelled;
import org.caserecord.domain.events.ScheduledMeetingMissed;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralOutcomeRecorded;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.ReferralStatus;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the caseload read model (tables caseload_entry, caseload_referral,
 * caseload_follow_up, caseload_scheduled_meeting): per case, who manages it, whether it is open, the last contact, the
 * referral counts, the latest risk and the next open follow-up. Like the case
 * file, each handler first advances the entry's version and stops on a redelivered event.
 */
@Component
@ProcessingGroup(CaseloadProjection.PROCESSING_GROUP)
public class CaseloadProjection {

    public static final String PROCESSING_GROUP = "caseload";

    private final JdbcClient jdbc;

    public CaseloadProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Before a replay: empties every table of this read model (the others reference
     * caseload_entry), in the same transaction as the processor's tokens are reset.
     */
    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE caseload_entry CASCADE").update();
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO caseload_entry (case_id, version, case_manager_id, client_name, status, opened_on)
                        VALUES (:caseId, :version, :caseManagerId, :clientName, :status, :openedOn)
                        ON CONFLICT (case_id) DO NOTHING
                        """)
                .param("caseId", event.caseId())
                .param("version", sequence)
                .param("caseManagerId", event.caseManagerId())
                .param("clientName", event.client().name())
                .param("status", CaseStatus.OPEN.name())
                .param("openedOn", event.openedOn())
                .update();
    }

    @EventHandler
    void on(MeetingRecorded event, @SequenceNumber long sequence) {
        // The most frequent event, so advancing the version and the last contact is one
        // statement. A back-dated meeting must not move the last contact backwards.
        jdbc.sql("""
                        UPDATE caseload_entry
                           SET version = :sequence, last_contact_at = GREATEST(last_contact_at, :occurredAt)
                         WHERE case_id = :caseId AND version < :sequence
                        """)
                .param("sequence", sequence)
                .param("occurredAt", SqlTime.utc(event.occurredAt()))
                .param("caseId", event.caseId())
                .update();
        if (event.scheduledMeetingId() != null) {
            // Idempotent on redelivery: ending an ended schedule changes nothing.
            endScheduledMeeting(event.caseId(), event.scheduledMeetingId());
        }
    }

    @EventHandler
    void on(ReferralAdded event, @SequenceNumber long sequence) {
        if (!advance(event.caseId(), sequence)) {
            return;
        }
        setReferralStatus(event.caseId(), event.referralId(), ReferralStatus.PENDING);
    }

    @EventHandler
    void on(ReferralOutcomeRecorded event, @SequenceNumber long sequence) {
        if (!advance(event.caseId(), sequence)) {
            return;
        }
        setReferralStatus(event.caseId(), event.referralId(), event.resultingStatus());
    }

    @EventHandler
    void on(CaseClosed event, @SequenceNumber long sequence) {
        if (advance(event.caseId(), sequence)) {
            setStatus(event.caseId(), CaseStatus.CLOSED);
        }
    }

    @EventHandler
    void on(CaseReopened event, @SequenceNumber long sequence) {
        if (advance(event.caseId(), sequence)) {
            setStatus(event.caseId(), CaseStatus.OPEN);
        }
    }

    @EventHandler
    void on(AssessmentRecorded event, @SequenceNumber long sequence) {
        if (!advance(event.caseId(), sequence) || event.riskLevel() == null) {
            return;
        }
        // The latest risk in the world wins, not the latest typed in (see the case file).
        jdbc.sql("""
                        UPDATE caseload_entry SET risk_level = :riskLevel, risk_assessed_at = :occurredAt
                         WHERE case_id = :caseId AND (risk_assessed_at IS NULL OR risk_assessed_at <= :occurredAt)
                        """)
                .param("riskLevel", event.riskLevel().name())
                .param("occurredAt", SqlTime.utc(event.occurredAt()))
                .param("caseId", event.caseId())
                .update();
    }

    @EventHandler
    void on(FollowUpScheduled event, @SequenceNumber long sequence) {
        if (!advance(event.caseId(), sequence)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO caseload_follow_up (follow_up_id, case_id, due_on)
                        VALUES (:followUpId, :caseId, :dueOn)
                        ON CONFLICT (follow_up_id) DO NOTHING
                        """)
                .param("followUpId", event.followUpId())
                .param("caseId", event.caseId())
                .param("dueOn", event.dueOn())
                .update();
        recomputeNextFollowUp(event.caseId());
    }

    @EventHandler
    void on(FollowUpCompleted event, @SequenceNumber long sequence) {
        if (!advance(event.caseId(), sequence)) {
            return;
        }
        jdbc.sql("UPDATE caseload_follow_up SET completed = true WHERE follow_up_id = :followUpId")
                .param("followUpId", event.followUpId())
                .update();
        recomputeNextFollowUp(event.caseId());
    }

    @EventHandler
    void on(CaseManagerReassigned event, @SequenceNumber long sequence) {
        if (advance(event.caseId(), sequence)) {
            jdbc.sql("UPDATE caseload_entry SET case_manager_id = :caseManagerId WHERE case_id = :caseId")
                    .param("caseManagerId", event.caseManagerId())
                    .param("caseId", event.caseId())
                    .update();
        }
    }

    @EventHandler
    void on(MeetingScheduled event, @SequenceNumber long sequence) {
        if (!advance(event.caseId(), sequence)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO caseload_scheduled_meeting (scheduled_meeting_id, case_id, scheduled_for)
                        VALUES (:id, :caseId, :scheduledFor)
                        ON CONFLICT (scheduled_meeting_id) DO NOTHING
                        """)
                .param("id", event.scheduledMeetingId())
                .param("caseId", event.caseId())
                .param("scheduledFor", SqlTime.utc(event.scheduledFor()))
                .update();
        recomputeNextMeeting(event.caseId());
    }

    @EventHandler
    void on(ScheduledMeetingCancelled event, @SequenceNumber long sequence) {
        if (advance(event.caseId(), sequence)) {
            endScheduledMeeting(event.caseId(), event.scheduledMeetingId());
        }
    }

    /** A no-show: the case needs outreach, so it is overdue until the next contact. */
    @EventHandler
    void on(ScheduledMeetingMissed event, @SequenceNumber long sequence) {
        if (!advance(event.caseId(), sequence)) {
            return;
        }
        jdbc.sql("""
                        UPDATE caseload_entry SET last_no_show_at = GREATEST(last_no_show_at, :scheduledFor)
                         WHERE case_id = :caseId
                        """)
                .param("scheduledFor", SqlTime.utc(event.scheduledFor()))
                .param("caseId", event.caseId())
                .update();
        endScheduledMeeting(event.caseId(), event.scheduledMeetingId());
    }

    private void endScheduledMeeting(UUID caseId, UUID scheduledMeetingId) {
        jdbc.sql("UPDATE caseload_scheduled_meeting SET pending = false WHERE scheduled_meeting_id = :id")
                .param("id", scheduledMeetingId)
                .update();
        recomputeNextMeeting(caseId);
    }

    private void recomputeNextMeeting(UUID caseId) {
        jdbc.sql("""
                        UPDATE caseload_entry e
                           SET next_meeting_at = (SELECT min(m.scheduled_for) FROM caseload_scheduled_meeting m
                                                   WHERE m.case_id = e.case_id AND m.pending)
                         WHERE e.case_id = :caseId
                        """)
                .param("caseId", caseId)
                .update();
    }

    /**
     * The case's data key is gone: the client's name, the only personal data here, reads as the
     * placeholder from now on, as it would after a replay.
     */
    @EventHandler
    void on(CaseRecordDisposed event, @SequenceNumber long sequence) {
        if (advance(event.caseId(), sequence)) {
            jdbc.sql("UPDATE caseload_entry SET client_name = :placeholder WHERE case_id = :caseId")
                    .param("placeholder", Phi.DISPOSED)
                    .param("caseId", event.caseId())
                    .update();
        }
    }

    /**
     * Events this read model does not show still move the entry's version, so the version
     * always says how far the entry has read its case's stream.
     */
    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        // Axon picks one handler per event; between two interface types (this one and
        // ReferralOutcomeRecorded) its choice is not guaranteed, so route explicitly.
        if (event instanceof ReferralOutcomeRecorded outcome) {
            on(outcome, sequence);
            return;
        }
        advance(event.caseId(), sequence);
    }

    private void recomputeNextFollowUp(UUID caseId) {
        jdbc.sql("""
                        UPDATE caseload_entry e
                           SET next_follow_up_due = (SELECT min(f.due_on) FROM caseload_follow_up f
                                                      WHERE f.case_id = e.case_id AND NOT f.completed)
                         WHERE e.case_id = :caseId
                        """)
                .param("caseId", caseId)
                .update();
    }

    private boolean advance(UUID caseId, long sequence) {
        return jdbc.sql("UPDATE caseload_entry SET version = :sequence WHERE case_id = :caseId AND version < :sequence")
                .param("sequence", sequence)
                .param("caseId", caseId)
                .update() == 1;
    }

    private void setStatus(UUID caseId, CaseStatus status) {
        jdbc.sql("UPDATE caseload_entry SET status = :status WHERE case_id = :caseId")
                .param("status", status.name())
                .param("caseId", caseId)
                .update();
    }

    private void setReferralStatus(UUID caseId, UUID referralId, ReferralStatus status) {
        jdbc.sql("""
                        INSERT INTO caseload_referral (referral_id, case_id, status)
                        VALUES (:referralId, :caseId, :status)
                        ON CONFLICT (referral_id) DO UPDATE SET status = EXCLUDED.status
                        """)
                .param("referralId", referralId)
                .param("caseId", caseId)
                .param("status", status.name())
                .update();
        jdbc.sql("""
                        UPDATE caseload_entry e
                           SET pending_referrals = (SELECT count(*) FROM caseload_referral r
                                                     WHERE r.case_id = e.case_id AND r.status = 'PENDING'),
                               open_referrals = (SELECT count(*) FROM caseload_referral r
                                                  WHERE r.case_id = e.case_id AND r.status IN ('PENDING', 'ACCEPTED'))
                         WHERE e.case_id = :caseId
                        """)
                .param("caseId", caseId)
                .update();
    }
}
