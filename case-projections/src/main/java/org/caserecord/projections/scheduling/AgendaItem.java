package org.caserecord.projections.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.MeetingType;

/**
 * One item of a case manager's agenda: a scheduled meeting (kind MEETING: {@code start},
 * {@code plannedMinutes}, {@code meetingType}) or an open follow-up (kind FOLLOW_UP: {@code dueOn}).
 * {@code id} is the scheduled meeting's or the follow-up's id, stable across requests.
 */
public record AgendaItem(
        String kind,
        UUID id,
        UUID caseId,
        Instant start,
        Integer plannedMinutes,
        MeetingType meetingType,
        LocalDate dueOn) {

    public static final String MEETING = "MEETING";
    public static final String FOLLOW_UP = "FOLLOW_UP";
}
