package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.MeetingType;

/** A recorded meeting: {@code occurredAt} is when it happened, {@code recordedAt} when it was written down. */
public record MeetingView(
        UUID meetingId,
        MeetingType type,
        Instant occurredAt,
        int durationMinutes,
        List<Attendee> attendees,
        String notes,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<MeetingView> {

    @Override
    public MeetingView withAmendments(List<AmendmentView> amendments) {
        return new MeetingView(meetingId, type, occurredAt, durationMinutes, attendees, notes, recordedAt, recordedBy,
                amendments);
    }
}
