package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.caserecord.domain.events.CaseClosed;
import org.caserecord.domain.events.CaseOpened;
import org.caserecord.domain.events.CaseReopened;
import org.caserecord.domain.events.MeetingRecorded;
import org.caserecord.domain.events.ReferralAdded;
import org.caserecord.domain.events.ReferralOutcomeRecorded;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.CaseStatus;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the case file read model (tables case_file, case_file_meeting,
 * case_file_meeting_attendee, case_file_referral). Every handler first advances the case's
 * version; when the event is not newer than what the row already reflects it was applied
 * before, and nothing else is written. The rows and the processor's token commit together.
 */
@Component
@ProcessingGroup(CaseFileProjection.PROCESSING_GROUP)
public class CaseFileProjection {

    public static final String PROCESSING_GROUP = "case-file";

    private final JdbcClient jdbc;

    public CaseFileProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    @EventHandler
    void on(MeetingRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("actor") String actor) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_file_meeting (meeting_id, case_id, sequence, type, occurred_at,
                                                       duration_minutes, notes, recorded_at, recorded_by)
                        VALUES (:meetingId, :caseId, :sequence, :type, :occurredAt,
                                :durationMinutes, :notes, :recordedAt, :recordedBy)
                        ON CONFLICT (meeting_id) DO NOTHING
                        """)
                .param("meetingId", event.meetingId())
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("type", event.type().name())
                .param("occurredAt", SqlTime.utc(event.occurredAt()))
                .param("durationMinutes", event.durationMinutes())
                .param("notes", event.notes())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("recordedBy", actor)
                .update();
        insertAttendees(event.meetingId(), event.attendees());
    }

    @EventHandler
    void on(ReferralAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO case_file_referral (referral_id, case_id, sequence, provider_name, provider_type,
                                                        reason, urgency, status, added_at, updated_at)
                        VALUES (:referralId, :caseId, :sequence, :providerName, :providerType,
                                :reason, :urgency, 'PENDING', :recordedAt, :recordedAt)
                        ON CONFLICT (referral_id) DO NOTHING
                        """)
                .param("referralId", event.referralId())
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("providerName", event.provider().name())
                .param("providerType", event.provider().type())
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
                           SET status = :status, outcome_reason = :reason, updated_at = :recordedAt
                         WHERE referral_id = :referralId AND case_id = :caseId
                        """)
                .param("caseId", event.caseId())
                .param("status", event.resultingStatus().name())
                .param("reason", event.reason())
                .param("recordedAt", SqlTime.utc(recordedAt))
                .param("referralId", event.referralId())
                .update();
    }

    @EventHandler
    void on(CaseClosed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event.caseId(), sequence, recordedAt)) {
            return;
        }
        jdbc.sql("""
                        UPDATE case_file
                           SET status = 'CLOSED', closed_on = :closedOn, closure_reason = :reason,
                               closure_summary = :summary, reopen_reason = NULL
                         WHERE case_id = :caseId
                        """)
                .param("closedOn", event.closedOn())
                .param("reason", event.reason().name())
                .param("summary", event.summary())
                .param("caseId", event.caseId())
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
                               closure_summary = NULL, reopen_reason = :reason
                         WHERE case_id = :caseId
                        """)
                .param("reason", event.reason())
                .param("caseId", event.caseId())
                .update();
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

    private void insertAttendees(UUID meetingId, List<Attendee> attendees) {
        for (int position = 0; position < attendees.size(); position++) {
            Attendee attendee = attendees.get(position);
            jdbc.sql("""
                            INSERT INTO case_file_meeting_attendee (meeting_id, position, name, role)
                            VALUES (:meetingId, :position, :name, :role)
                            ON CONFLICT (meeting_id, position) DO NOTHING
                            """)
                    .param("meetingId", meetingId)
                    .param("position", position)
                    .param("name", attendee.name())
                    .param("role", attendee.role())
                    .update();
        }
    }
}
