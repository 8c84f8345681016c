package org.caserecord.projections.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.projections.support.JsonDocuments;
import org.caserecord.projections.support.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the scheduled meetings of the case file read model. */
@Service
public class ScheduledMeetingQueries {

    private final JdbcClient jdbc;

    public ScheduledMeetingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's scheduled meetings in time order, ended ones included. */
    public List<ScheduledMeetingView> forCase(UUID caseId) {
        return jdbc.sql("SELECT * FROM case_scheduled_meeting WHERE case_id = :caseId ORDER BY scheduled_for, sequence")
                .param("caseId", caseId)
                .query((rs, n) -> view(rs))
                .list();
    }

    public Optional<ScheduledMeetingView> find(UUID caseId, UUID scheduledMeetingId) {
        return jdbc.sql("SELECT * FROM case_scheduled_meeting WHERE case_id = :caseId AND scheduled_meeting_id = :id")
                .param("caseId", caseId)
                .param("id", scheduledMeetingId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static ScheduledMeetingView view(ResultSet rs) throws SQLException {
        return new ScheduledMeetingView(rs.getObject("scheduled_meeting_id", UUID.class),
                rs.getObject("case_id", UUID.class), MeetingType.valueOf(rs.getString("type")),
                SqlTime.instant(rs, "scheduled_for"), rs.getInt("planned_minutes"),
                Arrays.asList(JsonDocuments.read(rs.getString("attendees"), Attendee[].class)),
                rs.getString("location"), rs.getString("purpose"), rs.getString("status"),
                rs.getObject("meeting_id", UUID.class), rs.getString("cancellation_reason"),
                SqlTime.instant(rs, "ended_at"), SqlTime.instant(rs, "scheduled_at"), rs.getString("scheduled_by"));
    }
}
