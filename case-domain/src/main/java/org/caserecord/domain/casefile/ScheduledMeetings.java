package org.caserecord.domain.casefile;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;

/** The case's scheduled meetings, as far as decisions need them: when, and whether they have ended. */
final class ScheduledMeetings {

    private final Map<UUID, Instant> pending = new HashMap<>();
    private final Map<UUID, Instant> ended = new HashMap<>();

    boolean contains(UUID scheduledMeetingId) {
        return pending.containsKey(scheduledMeetingId) || ended.containsKey(scheduledMeetingId);
    }

    /** The time of a scheduled meeting that has not ended yet; 404 or 409 otherwise. */
    Instant mustBePending(UUID scheduledMeetingId) {
        Instant scheduledFor = pending.get(scheduledMeetingId);
        if (scheduledFor != null) {
            return scheduledFor;
        }
        if (ended.containsKey(scheduledMeetingId)) {
            throw new CaseCommandRejected(CaseErrorCode.SCHEDULED_MEETING_ENDED, "scheduledMeetingId");
        }
        throw new CaseCommandRejected(CaseErrorCode.SCHEDULED_MEETING_NOT_FOUND, "scheduledMeetingId");
    }

    void scheduled(UUID scheduledMeetingId, Instant scheduledFor) {
        pending.put(scheduledMeetingId, scheduledFor);
    }

    void ended(UUID scheduledMeetingId) {
        Instant scheduledFor = pending.remove(scheduledMeetingId);
        if (scheduledFor != null) {
            ended.put(scheduledMeetingId, scheduledFor);
        }
    }
}
